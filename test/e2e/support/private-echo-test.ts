// The hostile-page suite's check on echoes of the reader's own claims: when a later page repeats a
// promise the reader recorded, the "Sound familiar?" mark is drawn privately (like the claim), never
// in the page's highlight registry, where the page could read which sentence the reader recorded.

import { expect, it } from 'vitest';
import { until } from './browsers';
import { privateMarksOf, selectContents, waitForSession, type ClaimsDriver } from './claims-common';
import type { Harness } from './harness';
import type { Site } from './site';

const SOURCE = 'https://www.gov.uk/government/news/councils-to-share-allotment-data';
const REPEAT = 'https://www.gov.uk/government/news/allotment-register-promised-again';
const REPEATED = 'The minister promised that every allotment waiting list in England will be published in a single searchable national register by 2028.';

export function withPrivateEchoPages(site: Site): Site {
  return site.fixture(SOURCE, 'echo-claim-source.html').fixture(REPEAT, 'echo-claim-repeat.html');
}

/** Runs in the page: the texts of the page-readable echo highlights. */
function publicEchoTexts(): string[] {
  const highlight = CSS.highlights.get('sound-familiar-echo');
  return [...((highlight ?? []) as unknown as Iterable<AbstractRange>)].map((r) => {
    const live = document.createRange();
    live.setStart(r.startContainer, r.startOffset);
    live.setEnd(r.endContainer, r.endOffset);
    return live.toString();
  });
}

export function privateEchoTest(context: () => { h: Harness; d: ClaimsDriver }): void {
  it('a later page that repeats the reader\'s own claim marks it privately: the page\'s registry never holds it', async () => {
    const { h, d } = context();
    const source = await h.open(SOURCE);
    await waitForSession(source);
    await source.bringToFront();
    await source.evaluate(selectContents, '#promise');
    expect(await h.callTab(source, 'page/record', { mode: 'claim' })).toEqual({ ok: true, value: true });
    await d.editorReady(source);
    await source.press('Control+Enter'); // saved as a promise, the editor's default
    await until(() => d.editorOpen(source), (open) => !open, 'the editor to close');
    await source.close();

    const repeat = await h.open(REPEAT);
    await repeat.bringToFront();
    await repeat.mouseMove(200, 200);
    await repeat.mouseMove(202, 203);
    await until(() => privateMarksOf(repeat, 'echo'), (marks) => marks.some((m) => m.text === REPEATED), 'the private echo mark', 20_000, 100);
    expect(await repeat.evaluate(publicEchoTexts)).toEqual([]);
    expect(await h.callTab(repeat, 'page/echoes', {})).toEqual({ ok: true, value: 1 });
    await repeat.close();
  });
}
