// F8: an import must not plant the reader's "own" entity under a pack's id (a ':' id) that would
// hide the pack's entity once the reader subscribes. Edits of an installed pack still import.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../src/background/db';
import { installPack } from '../../../src/background/packs/pack-store';
import { exportJson } from '../../../src/background/sync/export-data';
import { applyImport } from '../../../src/background/sync/import-data';
import { addAlias } from '../../../src/background/user-entities';
import { readImport } from '../../../src/shared/sync/read-import';
import { packText } from '../../fixtures/packs/make-pack';

const unsigned = { url: 'https://example.org/p.json', signed: false };

describe('F8: pack-namespaced ids in an import', () => {
  it('an import cannot plant the reader\'s "own" entity under a pack\'s id that later hides the pack\'s entity', async () => {
    const a = openDb('f8-import-a');
    await installPack(a, packText(), unsigned, () => Date.UTC(2026, 0, 1));
    await addAlias(a, 'test-pack:test-body', 'The Office For Tests', () => Date.UTC(2026, 0, 2));
    const file = JSON.parse((await exportJson(a)).json);
    file.entities[0].summary = 'Planted by a colleague\'s file.';
    const b = openDb('f8-import-b');
    await expect(applyImport(b, readImport(JSON.stringify(file)))).rejects.toThrow(/test-pack:test-body.*pack "test-pack", which is not installed here/);
    expect(await b.entities.get('test-pack:test-body')).toBeUndefined();
    await installPack(b, packText(), unsigned, () => Date.UTC(2026, 0, 3));
    expect((await b.entities.get('test-pack:test-body'))!).toMatchObject({ origin: 'pack', summary: 'A body that exists only in tests.' });
  });

  it('the reader\'s edits of a pack they have installed still import', async () => {
    const a = openDb('f8-edits-a');
    await installPack(a, packText(), unsigned, () => Date.UTC(2026, 0, 1));
    await addAlias(a, 'test-pack:test-body', 'The Office For Tests', () => Date.UTC(2026, 0, 2));
    const file = (await exportJson(a)).json;
    const c = openDb('f8-edits-c');
    await installPack(c, packText(), unsigned, () => Date.UTC(2026, 0, 1));
    await applyImport(c, readImport(file));
    expect((await c.entities.get('test-pack:test-body'))!.aliases).toContain('The Office For Tests');
  });
});
