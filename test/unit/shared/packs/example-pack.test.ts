// The example pack shipped for maintainers (docs/examples/scottish-digital-government.pack.json):
// valid by the parser and the schema, signed by the test key (test/fixtures/packs/, a TEST key),
// and installable beside the core without any of its ids touching the core's.
import 'fake-indexeddb/auto';
import { Ajv2020 } from 'ajv/dist/2020';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { unpackEntities } from '../../../../src/shared/packed-entities';
import { builtinEntities } from '../../../../src/background/builtin-kb';
import { openDb, type SoundFamiliarDb } from '../../../../src/background/db';
import { DictionaryCache } from '../../../../src/background/dictionary-cache';
import { installPack } from '../../../../src/background/packs/pack-store';
import { seedBuiltins } from '../../../../src/background/seed';
import { parsePack } from '../../../../src/shared/packs/parse-pack';
import { parseSignatureFile, verifyPackSignature } from '../../../../src/shared/packs/signature';

const read = (path: string) => readFileSync(new URL(`../../../../${path}`, import.meta.url), 'utf8');
const PACK = 'docs/examples/scottish-digital-government.pack.json';
const text = read(PACK);
const testKey = JSON.parse(read('test/fixtures/packs/TEST-ONLY-signing-key.json')) as { publicKey: string };

let db: SoundFamiliarDb | undefined;
afterEach(async () => {
  db?.close();
  await db?.delete();
  db = undefined;
});

describe('the example pack', () => {
  it('is a valid pack by the parser and by docs/pack.schema.json', () => {
    const result = parsePack(text);
    expect(result.ok ? [] : result.errors).toEqual([]);
    const validate = new Ajv2020({ strict: true, strictRequired: false }).compile(JSON.parse(read('docs/pack.schema.json')));
    expect(validate(JSON.parse(text)), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('is signed by the test key, over its exact bytes', async () => {
    const sig = parseSignatureFile(read(`${PACK}.sig`));
    expect(await verifyPackSignature(text, sig)).toEqual({ ok: true, publicKey: testKey.publicKey });
    expect((await verifyPackSignature(`${text} `, sig)).ok).toBe(false);
  });

  it('installs beside the core pack under its own namespace, and its names reach the dictionary', async () => {
    db = openDb('example-pack-test');
    await seedBuiltins(db, builtinEntities(), () => 1000);
    const core = await db.entities.count();
    const report = await installPack(db, text, { url: 'https://example.org/scottish-digital-government.pack.json', signed: true, publicKey: testKey.publicKey }, () => 2000);
    const pack = parsePack(text);
    const count = pack.ok ? pack.pack.entities.length : NaN;
    expect(report).toMatchObject({ packId: 'scottish-digital', added: count });
    expect(await db.entities.count()).toBe(core + count);
    const dict = await new DictionaryCache(db).get();
    const ids = unpackEntities(dict.entities).map((e) => e.id);
    expect(ids.filter((id) => id.startsWith('scottish-digital:'))).toHaveLength(count);
  });
});
