// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { fromUrl, pagePublicationDate } from '../../../../src/content/scan/page-date';

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

  it('reads GOV.UK\'s public-updated-at only where first-published-at is missing', () => {
    const updated = '<meta name="govuk:public-updated-at" content="2021-09-20T12:00:00+01:00">';
    expect(pagePublicationDate(doc(updated))).toBe('2021-09-20');
    expect(pagePublicationDate(doc(`${updated}<meta name="govuk:first-published-at" content="2018-01-09T10:00:00+00:00">`))).toBe('2018-01-09');
  });

  it('reads JSON-LD datePublished inside an @graph array (Yoast, WordPress) and in a list of nodes', () => {
    const graph = JSON.stringify({ '@context': 'https://schema.org', '@graph': [
      { '@type': 'Organization', name: 'A trade paper' },
      { '@type': 'WebPage', dateModified: '2022-02-02T00:00:00+00:00' },
      { '@type': 'NewsArticle', headline: 'x', datePublished: '2020-06-11T08:15:00+00:00' },
    ] });
    expect(pagePublicationDate(doc(`<script type="application/ld+json">${graph}</script>`))).toBe('2020-06-11');
    const list = JSON.stringify([{ '@type': 'BreadcrumbList' }, { '@type': 'Article', datePublished: '2016-02-10' }]);
    expect(pagePublicationDate(doc(`<script type="application/ld+json">${list}</script>`))).toBe('2016-02-10');
  });

  it('reads JSON-LD from a block that does not parse, and skips a block without the date', () => {
    const broken = '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2015-05-11T10:00:00Z",}</script>';
    expect(pagePublicationDate(doc(broken))).toBe('2015-05-11');
    const two = '<script type="application/ld+json">{"@type":"Organization"}</script><script type="application/ld+json">{"datePublished":"2019-01-01"}</script>';
    expect(pagePublicationDate(doc(two))).toBe('2019-01-01');
  });

  it('prefers a <time> in the article to one in the page\'s chrome', () => {
    const body = '<header><time datetime="2026-12-06">Today</time></header><article><h1>x</h1><time datetime="2017-03-14">14 March 2017</time></article>';
    expect(pagePublicationDate(doc('', body))).toBe('2017-03-14');
  });

  it('reads a date in the URL\'s path when the markup gives none', () => {
    expect(pagePublicationDate(doc('', '<p>x</p>'), 'https://gds.blog.gov.uk/2019/03/12/a-post/')).toBe('2019-03-12');
    expect(pagePublicationDate(doc('', '<p>x</p>'), 'https://www.example.co.uk/news/2016/07/housing-plans')).toBe('2016-07');
    expect(pagePublicationDate(doc('<meta property="article:published_time" content="2018-02-02">'), 'https://x.org/2019/03/12/p')).toBe('2018-02-02');
  });

  it('reads only real dates from URLs', () => {
    expect(fromUrl('https://www.theguardian.com/politics/2020/jun/10/story')).toBeUndefined();
    expect(fromUrl('https://x.org/blog/2021-09-19-new-department')).toBe('2021-09-19');
    expect(fromUrl('https://x.org/2019/13/40/p')).toBeUndefined();
    expect(fromUrl('https://x.org/reports/2019/annual.pdf')).toBeUndefined();
    expect(fromUrl('https://x.org/p?date=2019/03/12/')).toBeUndefined();
    expect(fromUrl('https://x.org/id/12019/03/12/p')).toBeUndefined();
    expect(fromUrl('not a url')).toBeUndefined();
  });

  it('rejects a date that is not a day (month 13, the epoch)', () => {
    expect(pagePublicationDate(doc('<meta property="article:published_time" content="2019-13-01"><meta name="date" content="1970-01-01">'))).toBeUndefined();
  });

  it('defaults to the global document', () => {
    document.head.innerHTML = '<meta property="article:published_time" content="2018-06-07">';
    expect(pagePublicationDate()).toBe('2018-06-07');
    document.head.innerHTML = '';
  });
});
