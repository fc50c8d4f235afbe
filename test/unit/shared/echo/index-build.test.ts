import { describe, expect, it } from 'vitest';
import { buildEchoIndex, ECHO_INDEX_VERSION } from '../../../../src/shared/echo/index-build';
import { ENTITIES } from './fixtures';

describe('buildEchoIndex', () => {
  it('indexes dated promises, announcements and launches only', () => {
    const index = buildEchoIndex(ENTITIES);
    expect(index.items.map((i) => i.id).sort()).toEqual(['gds#0', 'gds#1', 'javid#0', 'ldc#0', 'nhs-app#0']);
    expect(index.version).toBe(ECHO_INDEX_VERSION);
  });

  it('takes the types to index as an option', () => {
    expect(buildEchoIndex(ENTITIES, { types: ['promise'] }).items.map((i) => i.id).sort()).toEqual(['javid#0', 'nhs-app#0']);
  });

  it('records the entity and the entities its text names', () => {
    const javid = buildEchoIndex(ENTITIES).items.find((i) => i.id === 'javid#0')!;
    expect(javid.entities).toEqual(['javid', 'gds']);
    expect(javid.label).toBe('Sajid Javid');
  });

  it("adds the user's promise and announcement claims, not their other claims", () => {
    const index = buildEchoIndex(ENTITIES, {
      claims: [
        { id: 'c1', text: 'The council promised to stop re-keying data by 2019.', date: '2016-05-01', type: 'promise', entities: ['ldc', 'unknown'] },
        { id: 'c2', text: 'Spending on IT rose by 4%.', date: '2016-05-01', type: 'figure' },
        { id: 'c3', text: 'An undated claim.', date: '', type: 'promise' },
      ],
    });
    const claim = index.items.find((i) => i.id === 'c1')!;
    expect(claim.origin).toBe('claim');
    expect(claim.entities).toEqual(['ldc']);
    expect(index.items.some((i) => i.id === 'c2' || i.id === 'c3')).toBe(false);
  });

  it('marks public only the events of unedited built-in entities; packs, the reader\'s entities and claims are private', () => {
    const [ldc, javid, gds, nhs] = ENTITIES;
    const index = buildEchoIndex([
      { ...ldc!, origin: 'builtin' }, { ...javid!, origin: 'pack' }, { ...gds!, origin: 'builtin', userEdited: true }, { ...nhs!, origin: 'user' },
    ], { claims: [{ id: 'c1', text: 'The council promised to stop re-keying data by 2019.', date: '2016-05-01', type: 'promise' }] });
    const hidden = Object.fromEntries(index.items.map((i) => [i.id, i.private]));
    expect(hidden).toEqual({ 'ldc#0': false, 'javid#0': true, 'gds#0': true, 'gds#1': true, 'nhs-app#0': true, c1: true });
    // An entity that does not say where it came from is not assumed to be the shipped knowledge.
    const { origin: _unsaid, ...bare } = ldc!;
    expect(buildEchoIndex([bare]).items.every((i) => i.private)).toBe(true);
  });

  it("counts word statistics over the shipped knowledge only: a pack, the reader's entities and claims leave them as they were", () => {
    const core = buildEchoIndex(ENTITIES);
    const pack = { id: 'p:x', name: 'Council Arms Office', aliases: [], origin: 'pack' as const, events: [{ date: '2015', type: 'launch' as const, text: 'Councils issue a call to arms on local government digital.', src: [] }] };
    const mine = { ...pack, id: 'u:y', origin: 'user' as const };
    const claims = [{ id: 'c1', text: 'A call to arms for councils and GDS.', date: '2016-05-01', type: 'promise' as const, entities: ['gds'] }];
    const more = buildEchoIndex([...ENTITIES, pack, mine], { claims });
    expect(more.items.length).toBe(core.items.length + 3);
    expect(more.docs).toBe(core.docs);
    expect(more.df).toEqual(core.df);
    expect(more.entityDf).toEqual(core.entityDf);
    expect(more.avgLength).toBe(core.avgLength);
  });

  it('keeps document frequencies consistent with the items, and survives JSON', () => {
    const index = buildEchoIndex(ENTITIES);
    const council = index.items.filter((i) => i.terms.includes('council')).length;
    expect(index.df.council).toBe(council);
    expect(index.avgLength).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(index))).toEqual(index);
  });

  it("indexes the entity's summary as a context field, without its numbers or months, and counts it in the statistics of public items only", () => {
    const [ldc, javid] = ENTITIES;
    const summary = 'A partnership of councils that replaced the programme; it had 46 members by March 2018, funded with £2m.';
    const index = buildEchoIndex([{ ...ldc!, summary }, { ...javid!, origin: 'pack', summary: 'A minister who promised a partnership.' }]);
    const ctx = index.items.find((i) => i.id === 'ldc#0')!.context!;
    expect(ctx.terms).toContain('partnership');
    expect(ctx.terms.some((t) => /\d|£|march/.test(t))).toBe(false);
    expect(ctx.length).toBe(ctx.tf.reduce((a, b) => a + b, 0));
    // The pack's summary is in its own item but not in the word statistics.
    expect(index.items.find((i) => i.id === 'javid#0')!.context!.terms).toContain('minist');
    expect(index.df.minist).toBeUndefined();
    expect(index.df.partnership).toBe(1);
    expect(index.avgContextLength).toBe(ctx.length);
    expect(buildEchoIndex([ldc!]).items[0]!.context).toBeUndefined();
  });
});

