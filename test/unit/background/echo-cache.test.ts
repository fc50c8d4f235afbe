// The echo cache tells the tab which echoes are private: only an event of an unedited built-in
// entity may be painted where the page can read it (CSS.highlights). An echo of a subscribed
// pack's event, of the reader's own entity or of a built-in they edited would let a page that
// retells those events learn which packs the reader follows, or what they wrote.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { BuiltinEntity } from '../../../src/background/builtin-kb';
import type { SoundFamiliarDb } from '../../../src/background/db';
import { EchoCache } from '../../../src/background/echo-cache';
import { installPack } from '../../../src/background/packs/pack-store';
import { seedBuiltins } from '../../../src/background/seed';
import { addAlias } from '../../../src/background/user-entities';
import { ECHO_CANDIDATES, type EchoView } from '../../../src/shared/echo-view';
import { packText } from '../../fixtures/packs/make-pack';
import { freshDbs } from '../helpers/fresh-db';

const freshDb = freshDbs('echo-cache-test');

/** A built-in entity shaped like the test pack's first one, under its own name. */
function builtin(id: string, name: string): BuiltinEntity {
  return {
    id, kind: 'body', name, aliases: [`the ${name}`], summary: 'A built-in body that exists only in tests.', confidence: 'sourced',
    sources: [{ title: 'Launch notice', publisher: 'Test Government', url: 'https://example.org/launch', date: '2019-04' }],
    // Words beyond its name: a body's name plus generic words is never an echo (features.ts).
    events: [{ date: '2019-04-01', type: 'launch', text: 'The office opens to run shared payroll for schools.', src: [0] }],
  };
}

/** Beside it an unrelated item, as in the pack: with a single item every word is in all of them and says nothing. */
const PROGRAMME: BuiltinEntity = {
  id: 'test-builtin-programme', kind: 'initiative', name: 'Test Builtin Programme', aliases: [], summary: 'A programme that exists only in tests.', confidence: 'sourced',
  sources: [{ title: 'Programme page', publisher: 'Test Government', url: 'https://example.org/ttp' }],
  events: [{ date: '2020', type: 'announcement', text: 'The programme is announced.', src: [0] }],
};

/** The strongest echo of one sentence, as a tab on a hostile page is sent it. */
async function echoOf(db: SoundFamiliarDb, sentence: string): Promise<EchoView> {
  const [found] = await new EchoCache(db).find([sentence], '2026-12-06', 'https://evil.example/');
  expect(found?.length).toBeGreaterThan(0);
  return found![0]!;
}

describe('EchoCache: which echoes a page may see painted', () => {
  it('marks an echo of an unedited built-in entity public', async () => {
    const db = freshDb();
    await seedBuiltins(db, [builtin('test-builtin-office', 'Test Builtin Office'), PROGRAMME], () => 1000);
    const echo = await echoOf(db, 'The Test Builtin Office opens to run shared payroll for schools.');
    expect(echo.entityId).toBe('test-builtin-office');
    expect(echo.private).toBe(false);
  });

  it("marks an echo of a subscribed pack's event private", async () => {
    const db = freshDb();
    await installPack(db, packText(), { url: 'https://example.org/p.json', signed: false });
    // Six words at least: a shorter sentence is never compared (shared/echo/candidate.ts).
    const echo = await echoOf(db, 'Today the Test Digital Office opens.');
    expect(echo.entityId).toBe('test-pack:test-body');
    expect(echo.private).toBe(true);
  });

  it('marks an echo of a built-in entity the reader edited private', async () => {
    const db = freshDb();
    await seedBuiltins(db, [builtin('test-builtin-office', 'Test Builtin Office'), PROGRAMME], () => 1000);
    await addAlias(db, 'test-builtin-office', 'The Office Nobody Else Calls It', () => 2000);
    const echo = await echoOf(db, 'The Test Builtin Office opens to run shared payroll for schools.');
    expect(echo.private).toBe(true);
  });

  it("marks an echo of the reader's own entity private", async () => {
    const db = freshDb();
    await seedBuiltins(db, [PROGRAMME], () => 1000);
    // The same facts as the built-in case, so only the origin differs.
    const mine = builtin('test-builtin-office', 'Test Builtin Office');
    await db.entities.put({ ...mine, origin: 'user', created: 1000, modified: 1000, rev: '1-a', revs: ['1-a'] });
    const echo = await echoOf(db, 'The Test Builtin Office opens to run shared payroll for schools.');
    expect(echo.entityId).toBe('test-builtin-office');
    expect(echo.private).toBe(true);
  });
});

describe('EchoCache: which sentences it compares', () => {
  it('answers none for a sentence that is no announcement (a question), however alike its words', async () => {
    // The tab sends every sentence of the page and the choice is made here; on 6d11d25 the tab
    // chose, and the background compared whatever it was sent.
    const db = freshDb();
    await seedBuiltins(db, [builtin('test-builtin-office', 'Test Builtin Office'), PROGRAMME], () => 1000);
    const announced = 'The Test Builtin Office opens to run shared payroll for schools.';
    const told = 'Does the Test Builtin Office open to run shared payroll for schools?';
    const [echoes, none] = await new EchoCache(db).find([announced, told], '2026-12-06', 'https://evil.example/');
    expect(echoes!.length).toBeGreaterThan(0);
    expect(none).toEqual([]);
  });

  it('compares at most ECHO_CANDIDATES sentences of a page', async () => {
    const db = freshDb();
    await seedBuiltins(db, [builtin('test-builtin-office', 'Test Builtin Office'), PROGRAMME], () => 1000);
    const sentence = 'The Test Builtin Office opens to run shared payroll for schools.';
    const found = await new EchoCache(db).find(Array.from({ length: ECHO_CANDIDATES + 1 }, () => sentence), '2026-12-06', undefined);
    expect(found.slice(0, ECHO_CANDIDATES).every((x) => x.length > 0)).toBe(true);
    expect(found[ECHO_CANDIDATES]).toEqual([]);
  });
});
