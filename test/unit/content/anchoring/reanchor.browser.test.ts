// A claim recorded on one rendering of a page, re-anchored on another: the same article
// re-indented, re-wrapped and re-wrapped in different inline markup must anchor at the same
// text position, and the DOM range must cover the quoted words.
import { describe, expect, it } from 'vitest';
import { rangeFor, readPageText } from '../../../../src/content/anchoring/page-text';
import { anchorQuote } from '../../../../src/shared/anchoring/anchor-quote';
import { describeQuote } from '../../../../src/shared/anchoring/describe-quote';

const UI = 'SOUND-FAMILIAR-UI';

const ORIGINAL = `<article><h1>Government sets out plan to fix digital public services</h1>
<p>Speaking at the launch, the minister said: "We will publish a single sign-on for all government services by the end of next year, so that nobody has to remember twenty passwords."</p>
<p>Critics pointed out that GOV.UK Verify was meant to do the same.</p></article>`;

// The same words after a redesign: new indentation and line wrapping, a no-break space, the
// quote split over a link and an emphasis, a cookie banner script added.
const REFLOWED = `<header><script>window.banner = "Accept cookies";</script></header>
<main>
  <article>
    <h1>
      Government sets out plan to fix
      digital public services
    </h1>
    <div class="body">
      <p>Speaking at the launch, the minister said:   "We will
         <a href="/sso">publish a single&nbsp;sign-on</a> for <em>all
         government services</em> by the end of next year, so that nobody has to remember twenty passwords."</p>
      <p>Critics pointed out that GOV.UK Verify was meant to do the same.</p>
    </div>
  </article>
</main>`;

const QUOTE = 'We will publish a single sign-on for all government services by the end of next year';

function rangeText(range: StaticRange): string {
  const live = document.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live.toString();
}

describe('re-anchoring through page text', () => {
  it('anchors at the same position after whitespace and markup changes, and maps back to the quoted words', () => {
    document.body.innerHTML = ORIGINAL;
    const before = readPageText(document.body, UI);
    const start = before.text.indexOf(QUOTE);
    expect(start).toBeGreaterThan(0);
    const [quote, position] = describeQuote(before.text, start, start + QUOTE.length);

    document.body.innerHTML = REFLOWED;
    const after = readPageText(document.body, UI);
    expect(after.text).not.toContain('Accept cookies');
    const anchor = anchorQuote(after.text, quote, position);
    expect(anchor).toMatchObject({ start, end: start + QUOTE.length });
    const range = rangeFor(after, anchor!.start, anchor!.end)!;
    expect(rangeText(range).replace(/\s+/g, ' ')).toBe(QUOTE);
    expect(range.startContainer.parentElement!.tagName).toBe('P');
    expect(range.endContainer.parentElement!.tagName).toBe('P');
  });

  it('leaves the claim unplaced once the paragraph is removed from the page', () => {
    document.body.innerHTML = ORIGINAL;
    const before = readPageText(document.body, UI);
    const start = before.text.indexOf(QUOTE);
    const [quote, position] = describeQuote(before.text, start, start + QUOTE.length);
    document.querySelector('p')!.remove();
    expect(anchorQuote(readPageText(document.body, UI).text, quote, position)).toBeNull();
  });
});
