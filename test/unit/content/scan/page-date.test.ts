// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { pagePublicationDate } from '../../../../src/content/scan/page-date';

function doc(head: string, body = ''): Document {
  const d = document.implementation.createHTMLDocument('t');
  d.head.innerHTML = head;
  d.body.innerHTML = body;
  return d;
}

describe('pagePublicationDate', () => {
  it('reads meta article:published_time (news sites)', () => {
    expect(pagePublicationDate(doc('<meta property="article:published_time" content="2019-07-04T09:30:00+01:00">'))).toBe('2019-07-04');
  });

  it('reads meta govuk:first-published-at (GOV.UK)', () => {
    expect(pagePublicationDate(doc('<meta name="govuk:first-published-at" content="2014-03-10T00:00:00.000+00:00">'))).toBe('2014-03-10');
  });

  it('reads JSON-LD datePublished', () => {
    const ld = '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"x","datePublished" : "2017-11-20T08:00:00Z"}</script>';
    expect(pagePublicationDate(doc(ld))).toBe('2017-11-20');
  });

  it('reads the first time[datetime] as a last resort', () => {
    expect(pagePublicationDate(doc('', '<article><time datetime="2016-05-01">1 May 2016</time><time datetime="2020-01-01">later</time></article>'))).toBe('2016-05-01');
  });

  it('prefers meta over JSON-LD over <time>', () => {
    const all = '<script type="application/ld+json">{"datePublished":"2012-01-01"}</script><meta property="article:published_time" content="2019-01-02">';
    expect(pagePublicationDate(doc(all, '<time datetime="2010-01-01">x</time>'))).toBe('2019-01-02');
    expect(pagePublicationDate(doc('<script type="application/ld+json">{"datePublished":"2012-01-01"}</script>', '<time datetime="2010-01-01">x</time>'))).toBe('2012-01-01');
  });

  it('skips an unusable value and keeps looking', () => {
    const head = '<meta property="article:published_time" content="yesterday"><meta name="govuk:first-published-at" content=" 2015-02-03T10:00:00Z">';
    expect(pagePublicationDate(doc(head))).toBe('2015-02-03');
    expect(pagePublicationDate(doc('<script type="application/ld+json">{"datePublished":"soon, honestly"}</script>', '<time datetime="2011-11-11T11:11">x</time>'))).toBe('2011-11-11');
  });

  it('returns undefined when the page gives no date', () => {
    expect(pagePublicationDate(doc('<title>x</title>', '<p>No date here, 2019-01-01 in text does not count.</p><time>no attribute</time>'))).toBeUndefined();
  });

  it('defaults to the global document', () => {
    document.head.innerHTML = '<meta property="article:published_time" content="2018-06-07">';
    expect(pagePublicationDate()).toBe('2018-06-07');
    document.head.innerHTML = '';
  });
});
