// Hypothesis exports (its API's annotation JSON) read as claims: quote, page, note, tags and
// title kept; page notes and replies skipped; ids stable so importing twice changes nothing.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pageKey } from '../../../../src/shared/page-url';
import { planRecords } from '../../../../src/shared/sync/plan-import';
import { ImportError, readImport } from '../../../../src/shared/sync/read-import';

const EXPORT = readFileSync(new URL('../../../fixtures/sync/hypothesis-export.json', import.meta.url), 'utf8');
const ROADMAP = 'https://www.gov.uk/government/publications/roadmap-for-digital-and-data-2022-to-2025';

describe('readImport of a Hypothesis export', () => {
  it('turns annotations with a quote into claims and skips page notes and replies', () => {
    const data = readImport(EXPORT);
    expect(data.kind).toBe('hypothesis');
    expect(data.deviceId).toBeNull();
    expect(data.entities).toEqual([]);
    expect(data.claims).toHaveLength(2);
    const [roadmap, bbc] = data.claims;
    expect(roadmap).toMatchObject({
      type: 'Annotation',
      motivation: 'assessing',
      note: 'First promised in 2017 under a different name. **Check** the 2025 delivery report.',
      tags: ['digital-id', 'one-login'],
      pageTitle: 'Transforming for a digital future: 2022 to 2025 roadmap for digital and data - GOV.UK',
      created: Date.parse('2023-11-05T10:22:31.424Z'),
      modified: Date.parse('2023-11-06T08:01:12.003Z'),
      madeOn: '2023-11-05',
      claimant: null,
      entities: [],
      claimType: 'assertion',
      status: 'unknown',
      deadline: null,
    });
    expect(roadmap!.target).toEqual({
      source: ROADMAP,
      selector: [
        { type: 'TextQuoteSelector', exact: 'By 2025, GOV.UK One Login will be the single way for citizens to access central government services online.', prefix: 'ur mission is simple: a single ', suffix: ' We will onboard every service t' },
        { type: 'TextPositionSelector', start: 8820, end: 8820 + 107 },
      ],
    });
    expect(roadmap!.body).toEqual([
      { type: 'TextualBody', value: roadmap!.note, purpose: 'commenting', format: 'text/plain' },
      { type: 'TextualBody', value: 'digital-id', purpose: 'tagging', format: 'text/plain' },
      { type: 'TextualBody', value: 'one-login', purpose: 'tagging', format: 'text/plain' },
    ]);
    expect(bbc).toMatchObject({ note: '', tags: ['figures'], target: { source: 'https://www.bbc.co.uk/news/technology-67890123' } });
    expect(bbc!.target.selector[0].exact).toBe('the programme has cost £300m so far');
    expect(bbc!.body).toEqual([{ type: 'TextualBody', value: 'figures', purpose: 'tagging', format: 'text/plain' }]);
    for (const claim of data.claims) {
      expect(claim.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(claim.revs).toEqual([claim.rev]);
      expect(JSON.stringify(claim)).not.toContain('civicreader');
    }
  });

  it('reads the API’s search result shape ({total, rows}) the same way', () => {
    const rows = JSON.parse(EXPORT);
    expect(readImport(JSON.stringify({ total: rows.length, rows })).claims).toEqual(readImport(EXPORT).claims);
  });

  it('gives the same ids and revisions every time, so importing twice changes nothing', () => {
    const first = readImport(EXPORT).claims;
    const second = readImport(EXPORT).claims;
    expect(second).toEqual(first);
    const planned = planRecords(first, new Map(), new Map());
    expect(planned.counts).toMatchObject({ new: 2 });
    const local = new Map(planned.puts.map((c) => [c.id, c]));
    const again = planRecords(second, local, new Map());
    expect(again.counts).toEqual({ new: 0, updated: 0, deleted: 0, unchanged: 2, conflict: 0 });
    expect(again.puts).toEqual([]);
  });

  it('gives different annotations different ids, and an edited annotation the same id with a new revision', () => {
    const rows = JSON.parse(EXPORT);
    rows[0].text = 'Edited on Hypothesis.';
    rows[0].updated = '2024-02-01T00:00:00.000000+00:00';
    const [edited] = readImport(JSON.stringify(rows)).claims;
    const [original, other] = readImport(EXPORT).claims;
    expect(edited!.id).toBe(original!.id);
    expect(edited!.rev).not.toBe(original!.rev);
    expect(other!.id).not.toBe(original!.id);
  });

  it('refuses an annotation on an unsafe page, naming it', () => {
    const rows = JSON.parse(EXPORT);
    rows[2].target[0].source = 'javascript:alert(1)';
    expect(() => readImport(JSON.stringify(rows))).toThrow(new ImportError('annotation 3.uri: must be an http or https address (in a Hypothesis export)'));
  });

  it('refuses an annotation with a broken quote or dates, naming it', () => {
    const rows = JSON.parse(EXPORT);
    rows[0].target[0].selector[2].exact = '';
    expect(() => readImport(JSON.stringify(rows))).toThrow('annotation 1.target[0].selector.exact: must not be empty (in a Hypothesis export)');
    const dated = JSON.parse(EXPORT);
    dated[2].created = 'last Tuesday';
    expect(() => readImport(JSON.stringify(dated))).toThrow('annotation 3.created: must be a date and time (ISO 8601) (in a Hypothesis export)');
  });

  // Regression test: one annotation on a local PDF refused the whole export before 0f03b4e.
  it('skips an annotation on a local PDF instead of refusing the whole export', () => {
    const rows = JSON.parse(EXPORT);
    rows[2].uri = 'urn:x-pdf:6b9e1f7f0b4c4d0e8f1a2b3c4d5e6f70';
    rows[2].target[0].source = 'urn:x-pdf:6b9e1f7f0b4c4d0e8f1a2b3c4d5e6f70';
    rows[0].target[0].source = 'file:///home/me/Downloads/roadmap.pdf';
    rows[0].uri = 'file:///home/me/Downloads/roadmap.pdf';
    expect(readImport(JSON.stringify(rows)).claims).toEqual([]);
    const one = JSON.parse(EXPORT);
    one[2].target[0].source = 'urn:x-pdf:6b9e1f7f0b4c4d0e8f1a2b3c4d5e6f70';
    expect(readImport(JSON.stringify(one)).claims.map((c) => c.target.source)).toEqual([ROADMAP]);
  });
});

describe('where imported claims are filed', () => {
  // Regression test: this failed before the fix in the same commit.
  it('files a claim under the page key its page will ask for (no tracking parameters or fragment)', () => {
    const rows = JSON.parse(EXPORT);
    rows[2].target[0].source = 'https://www.bbc.co.uk/news/technology-67890123?utm_source=twitter&at_medium=social#comments';
    const claim = readImport(JSON.stringify(rows)).claims[1]!;
    expect(claim.target.source).toBe(pageKey('https://www.bbc.co.uk/news/technology-67890123?utm_source=twitter#x'));
  });
});
