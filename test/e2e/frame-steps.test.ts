// The next/previous-mention commands across frames: the content script runs in every frame, and
// the keyboard walk goes from the top frame's names into each iframe's, in document order, with
// the card opening (focused) in the frame that holds the name and the last one closed; past the
// last frame it wraps to the first, and backwards from the first it goes to the last frame's last
// name; a third-party frame we may not script is passed over, and so are frames holding names that
// the page hides (display: none, visibility: hidden, no size, placed left of the page), which the
// walk once opened cards in that nobody could see. The card's own Next and Previous (pressed by
// keyboard: a trusted click) take the same walk at a frame's end; they once wrapped within it.
// Fired through the background's own
// command listener in both browsers (support/keyboard-command.ts). Before frame-steps.ts, the walk
// never left the top frame.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, pageMentions, until, waitForCard } from './support/browsers';
import { setEchoesOnSiteFromBackground, type Harness, type TestPage } from './support/harness';
import { stepCommand } from './support/keyboard-command';
import { highlightBox } from './support/probes';
import { fixture, Site } from './support/site';

const STORY = 'https://www.gov.uk/government/news/councils-recall-the-digital-by-default-years';
const FIRST = 'https://www.gov.uk/government/news/embedded/quote-hovered';
const SECOND = 'https://www.gov.uk/government/news/embedded/quote-not-hovered';
const EMBED = 'https://www.example.org/embed/video';
/** Frames the reader cannot see, each showing the same quote (names and all), and how each is hidden. */
const HIDDEN: [string, string][] = [
  ['display-none', 'display: none'],
  ['invisible', 'visibility: hidden'],
  ['no-size', 'width: 0; height: 0'],
  ['off-page', 'position: absolute; left: -9999px; top: 0'],
];
const hiddenUrl = (name: string) => `https://www.gov.uk/government/news/embedded/quote-${name}`;

describe.each(BROWSERS)('%s: keyboard steps across frames', (_browserName, launch) => {
  // lazy-frames.html with a third-party embed between the two quotes: a frame we may not script
  // (no host permission, no content script), which the walk must pass over without failing.
  // And the hidden frames there too, before the second quote.
  const hidden = HIDDEN.map(([name, style]) => `<iframe id="${name}" src="${hiddenUrl(name)}" title="Hidden" style="${style}"></iframe>`).join('\n    ');
  const framed = fixture('lazy-frames.html').replace('<iframe id="quiet"', `<iframe id="embed" src="${EMBED}" title="A video"></iframe>\n    ${hidden}\n    <iframe id="quiet"`);
  let site = new Site().html(STORY, framed).html(EMBED, '<!DOCTYPE html><p>The Government Digital Service, in a video.</p>')
    .fixture(FIRST, 'govuk-archive-quote.html').fixture(SECOND, 'govuk-archive-quote.html');
  for (const [name] of HIDDEN) site = site.fixture(hiddenUrl(name), 'govuk-archive-quote.html');
  let h: Harness;

  beforeAll(async () => {
    h = await launch(site);
    // The top frame's sentence repeats an earlier promise: this walk is about names, as keyboard.test.ts's.
    await setEchoesOnSiteFromBackground(h, 'www.gov.uk', false);
  });
  afterAll(async () => {
    await h?.close();
  });

  /** Which frame shows a card, and whose: 'top', 'quote-hovered' or 'quote-not-hovered', and the card's title. */
  async function where(page: TestPage): Promise<string> {
    const shown: string[] = [];
    const top = await page.card();
    if (top) shown.push(`top:${top.title}`);
    for (const frame of ['quote-hovered', 'quote-not-hovered']) {
      const card = await page.cardInFrame(frame);
      if (card) shown.push(`${frame}:${card.title}`);
    }
    return shown.join(' + ') || 'none';
  }

  async function stepTo(page: TestPage, direction: 1 | -1, expected: string): Promise<void> {
    await stepCommand(h, page, direction);
    await until(() => where(page), (w) => w === expected, `the card at ${expected}`);
  }

  it('walks from the top frame\'s name into each iframe\'s names, and wraps both ways', async () => {
    const page = await h.open(STORY);
    try {
      await pageMentions(h, page);
      for (const frame of ['quote-hovered', 'quote-not-hovered']) {
        await until(() => page.evaluateInFrame(frame, highlightBox, { text: 'Francis Maude' }), (b) => b !== null, `Francis Maude lit in ${frame}`);
      }
      // The hidden frames hold names too: only their elements are hidden. The one placed off the
      // page has its own layout and lights its names (the others, with no box or none to see,
      // register none, but have their stops all the same: the old walk opened cards in them).
      await until(() => page.evaluateInFrame('quote-off-page', () => CSS.highlights.size), (n) => n > 0, 'names lit in the frame placed off the page');
      await stepCommand(h, page, 1);
      const top = await waitForCard(page, 'Local Digital Alliance');
      expect(top.focused).toBe('dialog');

      // Into the first iframe: its first name, then its second, the top frame's card closed.
      await stepCommand(h, page, 1);
      const firstName = (await until(() => page.cardInFrame('quote-hovered'), (c) => c !== null, 'a card in the first iframe'))!.title;
      expect(await page.card()).toBeNull();
      const names = firstName === 'Francis Maude' ? ['Francis Maude'] : [firstName, 'Francis Maude'];
      for (const name of names.slice(1)) await stepTo(page, 1, `quote-hovered:${name}`);
      // Then the second iframe, then back round to the top frame.
      for (const name of names) await stepTo(page, 1, `quote-not-hovered:${name}`);
      await stepTo(page, 1, 'top:Local Digital Alliance');

      // Backwards from the first name: the last frame's last name, then back up through the frames.
      await stepTo(page, -1, 'quote-not-hovered:Francis Maude');
      for (const name of [...names].reverse().slice(1)) await stepTo(page, -1, `quote-not-hovered:${name}`);
      await stepTo(page, -1, 'quote-hovered:Francis Maude');
      for (const name of [...names].reverse().slice(1)) await stepTo(page, -1, `quote-hovered:${name}`);
      await stepTo(page, -1, 'top:Local Digital Alliance');

      expect(page.errors).toEqual([]);
      expect(page.console.filter((m) => /sound familiar/i.test(m))).toEqual([]);
    } finally {
      await page.close();
    }
  });

  /** Tabs through the card in `frame` to the button labelled `label`, then presses Enter on it (a trusted click). */
  async function pressCardButton(page: TestPage, frame: string, label: string): Promise<void> {
    for (let i = 0; i < 60 && (await page.cardInFrame(frame))?.focused !== label; i++) await page.press('Tab');
    expect((await page.cardInFrame(frame))?.focused).toBe(label);
    await page.press('Enter');
  }

  it('the card\'s Next and Previous at a frame\'s end go on into the next frame, as the keys do, and the count is the frame\'s', async () => {
    const page = await h.open(STORY);
    try {
      await pageMentions(h, page);
      for (const frame of ['quote-hovered', 'quote-not-hovered']) {
        await until(() => page.evaluateInFrame(frame, highlightBox, { text: 'Francis Maude' }), (b) => b !== null, `Francis Maude lit in ${frame}`);
      }
      await stepCommand(h, page, 1);
      await waitForCard(page, 'Local Digital Alliance');
      await stepCommand(h, page, 1);
      const firstName = (await until(() => page.cardInFrame('quote-hovered'), (c) => c !== null, 'a card in the first iframe'))!.title;
      const names = firstName === 'Francis Maude' ? ['Francis Maude'] : [firstName, 'Francis Maude'];
      for (const name of names.slice(1)) await stepTo(page, 1, `quote-hovered:${name}`);
      const last = (await page.cardInFrame('quote-hovered'))!;
      expect(last.footer).toContain(`Mention ${names.length} of ${names.length} in this frame`);

      // Next on the first frame's last name: the second frame's first, not round to this frame's first.
      await pressCardButton(page, 'quote-hovered', 'Next mention');
      await until(() => where(page), (w) => w === `quote-not-hovered:${names[0]}`, 'the card in the next frame');
      // Previous on that frame's first name: back to the first frame's last.
      await pressCardButton(page, 'quote-not-hovered', 'Previous mention');
      await until(() => where(page), (w) => w === 'quote-hovered:Francis Maude', 'the card back in the first frame');
      expect(page.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
