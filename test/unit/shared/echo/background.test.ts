import { describe, expect, it } from 'vitest';
import { BACKGROUND } from '../../../../src/shared/echo/background';
import { idf } from '../../../../src/shared/echo/bm25';
import { buildEchoIndex } from '../../../../src/shared/echo/index-build';
import { backgroundCounts, paragraphs } from './background-lib';
import { ENTITIES } from './fixtures';

describe('background document frequencies', () => {
  it('ships a table of real paragraphs', () => {
    expect(BACKGROUND.docs).toBeGreaterThan(500);
    expect(Object.keys(BACKGROUND.df).length).toBeGreaterThan(1000);
  });

  it('lowers the weight of a word common in any text more than that of a word of the field', () => {
    const index = buildEchoIndex(ENTITIES);
    // Neither word is in the test knowledge base, so only the background tells them apart.
    const common = 'peopl';
    const rare = 'blueprint';
    expect(BACKGROUND.df[common] ?? 0).toBeGreaterThan(BACKGROUND.df[rare] ?? 0);
    expect(idf(index, common, 1)).toBeLessThan(idf(index, rare, 1));
    expect(idf(index, common, 0)).toBeCloseTo(idf(index, rare, 0));
  });

  it('reads paragraphs from HTML without scripts, tags or entities, and counts each word once per paragraph', () => {
    const html = '<script>var people = "people people";</script><p>People say <b>people</b> &amp; councils will publish plans for the future of towns.</p><p>short</p>';
    expect(paragraphs(html)).toEqual(['People say people & councils will publish plans for the future of towns.']);
    const t = backgroundCounts([html, html, html], 3);
    expect(t.docs).toBe(3);
    expect(t.df.peopl).toBe(3);
    expect(t.df.council).toBe(3);
  });
});
