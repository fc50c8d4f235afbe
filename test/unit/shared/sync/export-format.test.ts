// The export file: a versioned envelope of W3C Web Annotations (claims) and the user's
// entities, where deletions travel as tombstones that carry no content; and the round trip
// through JSON and readImport that every sync relies on.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinEntities } from '../../../../src/background/builtin-kb';
import type { Claim } from '../../../../src/shared/claims/claim';
import {
  buildEnvelope, claimToAnnotation, entityToJson, exportFileName, isUserData, URN,
} from '../../../../src/shared/sync/export-format';
import { readImport } from '../../../../src/shared/sync/read-import';
import { withNextRevision } from '../../../../src/shared/sync/revision';
import type { Entity } from '../../../../src/shared/types';
import { deleteClaimVersion, editClaim, makeClaim, makeEntity, T0 } from '../../../fixtures/sync/records';

// Read with a clock past every date the property test makes: dates ahead of the clock are refused.
const LATER = 4_100_000_000_000;
const roundTrip = (claims: Claim[], entities: Entity[]) => readImport(JSON.stringify(buildEnvelope(claims, entities, 'device-1', T0)), LATER);

describe('claimToAnnotation', () => {
  it('writes a live claim as W3C Web Annotation JSON-LD with our fields under soundFamiliar', () => {
    const claim = editClaim(makeClaim(1), { note: 'Checked against Hansard.' }, T0 + 5_000);
    const json = claimToAnnotation(claim);
    expect(json).toEqual({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: `urn:uuid:${claim.id}`,
      type: 'Annotation',
      motivation: 'assessing',
      created: new Date(claim.created).toISOString(),
      modified: new Date(T0 + 5_000).toISOString(),
      target: claim.target,
      body: [
        { type: 'TextualBody', value: 'Checked against Hansard.', purpose: 'commenting', format: 'text/plain' },
        ...claim.tags.map((t) => ({ type: 'TextualBody', value: t, purpose: 'tagging', format: 'text/plain' })),
      ],
      soundFamiliar: {
        rev: claim.rev, revs: claim.revs, claimant: claim.claimant, entities: claim.entities, madeOn: claim.madeOn, claimType: claim.claimType,
        status: claim.status, deadline: claim.deadline, note: 'Checked against Hansard.', tags: claim.tags, pageTitle: claim.pageTitle,
      },
    });
    expect(json.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const [quote, position] = json.target!.selector;
    expect(quote).toMatchObject({ type: 'TextQuoteSelector', exact: claim.target.selector[0].exact });
    expect(position).toMatchObject({ type: 'TextPositionSelector' });
    expect(json.target!.source).toMatch(/^https:\/\//);
  });

  it('writes a tombstone with identity, times and history only', () => {
    const live = makeClaim(2);
    const tombstone = deleteClaimVersion(live, T0 + 9_000);
    const json = claimToAnnotation(tombstone);
    expect(json).toEqual({
      id: `urn:uuid:${live.id}`, type: 'Annotation', created: new Date(live.created).toISOString(), modified: new Date(T0 + 9_000).toISOString(),
      soundFamiliar: { rev: tombstone.rev, revs: tombstone.revs, deleted: new Date(T0 + 9_000).toISOString() },
    });
    const text = JSON.stringify(json);
    for (const content of [live.target.selector[0].exact.slice(0, 15), live.note.slice(0, 10), live.target.source, live.pageTitle, 'identity', 'jeremy-quin']) {
      expect(text).not.toContain(content);
    }
  });
});

describe('entities in the export', () => {
  it('exports the user’s entities and built-in ones the user edited, not untouched built-ins', () => {
    const mine = makeEntity('jeremy-quin');
    const builtins = builtinEntities().slice(0, 3).map((b) => withNextRevision({ ...b, origin: 'builtin' as const, created: T0, modified: T0 }));
    const edited = { ...builtins[1]!, userEdited: true };
    expect([mine, builtins[0]!, edited].map(isUserData)).toEqual([true, false, true]);
    const envelope = buildEnvelope([], [builtins[0]!, mine, edited, builtins[2]!], 'd', T0);
    expect(envelope.entities.map((e) => e.id)).toEqual([mine.id, edited.id]);
  });

  it('writes an entity tombstone without its name, aliases, summary, events or sources', () => {
    const mine = makeEntity('jeremy-quin');
    const gone = withNextRevision({ ...mine, modified: T0 + 1, deleted: T0 + 1 }, mine);
    const json = entityToJson(gone);
    expect(json).toEqual({
      id: 'jeremy-quin', kind: 'person', name: '', aliases: [], summary: '', events: [], sources: [], confidence: '', origin: 'user',
      rev: gone.rev, revs: gone.revs, created: new Date(T0).toISOString(), modified: new Date(T0 + 1).toISOString(), deleted: new Date(T0 + 1).toISOString(),
    });
    expect(JSON.stringify(json)).not.toContain('Quin');
  });

  it('names export files by date', () => {
    expect(exportFileName(new Date(2026, 10, 26, 23, 59).getTime())).toBe('sound-familiar-2026-11-26.json'); // the user's day
    expect(exportFileName(new Date(2026, 0, 2).getTime(), 'csv')).toBe('sound-familiar-2026-01-02.csv');
  });
});

describe('round trip: buildEnvelope → JSON → readImport', () => {
  it('gives back equal claims (live and tombstones) and entities, field by field', () => {
    const claims = [
      editClaim(makeClaim(1), { status: 'delivered', note: 'Unicode: “quotes”, émigré, 日本語, emoji 🇬🇧' }, T0 + 7_000),
      makeClaim(2, { claimant: null, entities: [], deadline: null, note: '', tags: [] }),
      deleteClaimVersion(makeClaim(3), T0 + 8_000),
    ];
    const entities = [makeEntity('jeremy-quin'), withNextRevision({ ...makeEntity('cddo', { kind: 'body' }), modified: T0 + 2, deleted: T0 + 2 }, makeEntity('cddo'))];
    const data = roundTrip(claims, entities);
    expect(data.kind).toBe('sound-familiar');
    expect(data.deviceId).toBe('device-1');
    expect(data.claims).toHaveLength(3);
    data.claims.forEach((c, i) => {
      const original = claims[i]!;
      for (const key of new Set([...Object.keys(original), ...Object.keys(c)])) {
        expect({ key, value: (c as unknown as Record<string, unknown>)[key] }).toEqual({ key, value: (original as unknown as Record<string, unknown>)[key] });
      }
    });
    expect(data.claims).toEqual(claims);
    expect(data.entities[0]).toEqual(entities[0]);
    const { name: _n, aliases: _a, summary: _s, events: _e, sources: _so, confidence: _c, ...identity } = entities[1]!;
    expect(data.entities[1]).toMatchObject(identity);
    expect(data.entities[1]).toMatchObject({ name: '', aliases: [], events: [], sources: [] });
  });

  it('round-trips every built-in entity once the user edits it, read back as the user’s record', () => {
    const edited = builtinEntities().map((b, i) => withNextRevision({ ...b, origin: 'builtin' as const, userEdited: true, created: T0, modified: T0 + i }));
    expect(edited.length).toBeGreaterThan(40);
    // The file does not say what is built-in: the importer knows which ids are (import-data.ts).
    const asRead = edited.map(({ userEdited: _u, ...e }) => ({ ...e, origin: 'user' }));
    expect(roundTrip([], edited).entities).toEqual(asRead);
  });

  it('round-trips claims whatever their fields (property)', () => {
    const text = (max: number) => fc.string({ unit: 'grapheme', maxLength: max });
    const fields = fc.record({
      note: text(120),
      tags: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 40 }).map((t) => t.trim()).filter((t) => t.length > 0 && !t.includes(",")), { maxLength: 20 }),
      entities: fc.uniqueArray(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/), { maxLength: 20 }),
      claimant: fc.option(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/), { nil: null }),
      madeOn: fc.constantFrom('2017', '2017-11', '2017-11-21'),
      deadline: fc.constantFrom(null, '2030', '2019-02-28'),
      claimType: fc.constantFrom('promise', 'announcement', 'figure', 'assertion') as fc.Arbitrary<Claim['claimType']>,
      status: fc.constantFrom('made', 'repeated', 'in-progress', 'delivered', 'dropped', 'unknown') as fc.Arbitrary<Claim['status']>,
      quote: text(80).filter((q) => q.trim().length > 0),
      pageTitle: text(80).filter((t) => t.length <= 300),
      source: fc.webUrl().map((u) => new URL(u).href),
      created: fc.integer({ min: 0, max: 4_000_000_000_000 }),
    });
    fc.assert(fc.property(fc.array(fields, { minLength: 1, maxLength: 5 }), (specs) => {
      const claims = specs.map((spec, i) => makeClaim(i, spec));
      expect(roundTrip(claims, []).claims).toEqual(claims);
    }), { numRuns: 150 });
  });

  it('still reads the committed version 1 export fixture', () => {
    const data = readImport(readFileSync(new URL('../../../fixtures/sync/export-v1.json', import.meta.url), 'utf8'));
    expect(data.claims.map((c) => [c.id.slice(-2), c.deleted === undefined, c.status])).toEqual([['01', true, 'in-progress'], ['02', false, 'unknown'], ['03', true, 'unknown']]);
    expect(data.claims[0]!.note).toBe('Repeated at the Spending Review, 2023.');
    expect(data.claims[0]!.revs).toHaveLength(2);
    expect(data.claims[1]!.target.selector[0].exact).toBe('');
    // The fixture says gds is built-in and user-edited; a file is not believed on that.
    expect(data.entities.map((e) => [e.id, e.origin, e.userEdited ?? false])).toEqual([['jeremy-quin', 'user', false], ['gds', 'user', false]]);
    expect(data.entities[1]!.events[0]).toEqual({ date: '2011-12', text: 'Formed in the Cabinet Office.', src: [0], outcome: 'delivered', confidence: 'uncertain' });
    expect(data.entities[1]!.sources).toEqual([{ title: 'GDS blog' }]);
    expect(URN).toBe('urn:uuid:');
  });
});
