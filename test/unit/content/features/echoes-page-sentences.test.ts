// @vitest-environment happy-dom
// What the echoes feature reads of a page to send: every sentence, up to an article's worth of
// text. Review 20: on 43a6cf5 a 2,000-sentence cap counted every sentence, so a page of short rows
// stopped well before 200,000 characters, and a candidate after them (sent on 6d11d25) was not.
import { describe, expect, it } from 'vitest';
import { isCandidate } from '../../../../src/shared/echo/candidate';
import { pageSentences } from '../../../../src/content/features/echoes/page-sentences';
import { ECHO_TEXT_CHARS } from '../../../../src/shared/echo-view';

describe('pageSentences on a long page of short sentences', () => {
  it('still sends a candidate that lies well within 200,000 characters of text', async () => {
    const rows = Array.from({ length: 2100 }, (_, i) => `<p>Row ${i} of the table is shown on this page.</p>`).join('');
    const promise = 'The department will publish its digital strategy by 2030.';
    document.body.innerHTML = `${rows}<p>${promise}</p>`;
    expect(isCandidate(promise)).toBe(true);
    expect(document.body.textContent!.length).toBeLessThan(120_000);
    const sent = await pageSentences(document.body, 'SOUND-FAMILIAR-UI');
    expect(sent.map((s) => s.text)).toContain(promise);
  });

  it('stops reading after an article\'s worth of text, though little of it is sent', async () => {
    // Blocks whose sentences are all too short to send: on 552ef07 the walk went on to the page's end.
    const rows = Array.from({ length: 7000 }, () => '<p>A b. C d. E f. G h. I j. K l.</p>').join('');
    const promise = 'The department will publish its digital strategy by 2030.';
    document.body.innerHTML = `${rows}<p>${promise}</p>`;
    expect(document.body.textContent!.length).toBeGreaterThan(ECHO_TEXT_CHARS);
    const sent = await pageSentences(document.body, 'SOUND-FAMILIAR-UI');
    expect(sent).toEqual([]);
  });
});
