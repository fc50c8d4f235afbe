// `sound-familiar pack …` end to end in-process: build a pack from entities, validate it, sign it
// with a generated key and verify, refuse tampering and hostile packs with the field named, and
// list what changed between two versions.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAsync } from '../../../src/cli/main';
import { goodPack, packText } from '../../fixtures/packs/make-pack';
import { useScratchDir } from './cli-helpers';

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAsync(args, (s) => out.push(s), (s) => err.push(s), Date.UTC(2026, 11, 6));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const dir = useScratchDir();
const META = ['--id', 'test-pack', '--title', 'Test pack', '--maintainer', 'Test maintainer', '--licence', 'CC-BY-4.0', '--version', '1.0.0'];

function entitiesFile(d: string, change: (entities: any[]) => void = () => {}): string { // eslint-disable-line @typescript-eslint/no-explicit-any
  const entities = goodPack().entities;
  change(entities);
  const path = join(d, 'entities.json');
  writeFileSync(path, JSON.stringify(entities));
  return path;
}

describe('pack build and validate', () => {
  it('builds a valid pack from an entities file, dated today unless told, and validates it as unsigned', async () => {
    const d = dir();
    const out = join(d, 'pack.json');
    const built = await cli(['pack', 'build', entitiesFile(d), ...META, '--homepage', 'https://example.org', '-o', out]);
    expect(built).toEqual({ code: 0, out: `wrote ${out}: pack "test-pack" 1.0.0, 2 entities`, err: '' });
    const pack = JSON.parse(readFileSync(out, 'utf8'));
    expect(pack.meta).toEqual({ id: 'test-pack', title: 'Test pack', maintainer: 'Test maintainer', homepage: 'https://example.org', licence: 'CC-BY-4.0', version: '1.0.0', updated: '2026-12-06' });
    expect(pack.entities).toEqual(goodPack().entities);
    expect(await cli(['pack', 'validate', out])).toEqual({ code: 0, out: `${out}: valid pack "test-pack" 1.0.0, 2 entities, 5 names and aliases\nunsigned (no ${out}.sig)`, err: '' });
  });

  it('refuses to build from entities that break the rules, naming the entity and field, and writes nothing', async () => {
    const d = dir();
    const out = join(d, 'pack.json');
    const result = await cli(['pack', 'build', entitiesFile(d, (e) => { e[0].aliases.push('the'); e[1].sources[0].url = 'http://x.example'; }), ...META, '-o', out]);
    expect(result.code).toBe(1);
    expect(result.err).toContain('entities[0] (test-body).aliases[2]: "the" is a common word');
    expect(result.err).toContain('entities[1] (test-programme).sources[0].url: must be an https address');
    expect(() => statSync(out)).toThrow();
  });

  it('says which options build is missing (exit 2)', async () => {
    const d = dir();
    const result = await cli(['pack', 'build', entitiesFile(d), '--id', 'x']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('pack build needs --title, --maintainer, --licence, --version, -o PACK.json');
  });

  it('validate refuses a hostile pack with each problem on its own line', async () => {
    const d = dir();
    const path = join(d, 'pack.json');
    const pack = goodPack();
    pack.meta.id = 'core';
    pack.entities[0].id = 'core:gds';
    writeFileSync(path, JSON.stringify(pack));
    const result = await cli(['pack', 'validate', path]);
    expect(result.code).toBe(1);
    expect(result.err.split('\n').slice(0, 3)).toEqual([
      `sound-familiar: invalid file: ${path} is not a valid pack:`,
      '  meta.id: "core" is reserved for the built-in knowledge',
      '  entities[0].id: "core:gds" names another pack or the core; a pack\'s ids are its own (they are prefixed with the pack\'s id when installed)',
    ]);
  });
});

describe('pack keygen and sign', () => {
  it('makes a private key file, signs a pack, and validate verifies the signature; a changed pack fails', async () => {
    const d = dir();
    const key = join(d, 'key.json');
    const keyed = await cli(['pack', 'keygen', '-o', key]);
    expect(keyed.code).toBe(0);
    expect(statSync(key).mode & 0o077).toBe(0);
    const publicKey = JSON.parse(readFileSync(key, 'utf8')).publicKey as string;
    expect(keyed.out).toContain(`public key: ${publicKey}`);
    const pack = join(d, 'pack.json');
    writeFileSync(pack, packText());
    expect(await cli(['pack', 'sign', pack, '--key', key])).toEqual({ code: 0, out: `wrote ${pack}.sig: signed by key ${publicKey}`, err: '' });
    expect((await cli(['pack', 'validate', pack])).out).toContain(`signed by key ${publicKey}`);
    expect((await cli(['pack', 'sign', pack, '--key', key])).code).toBe(2);
    writeFileSync(pack, packText().replace('1.0.0', '1.0.1'));
    const tampered = await cli(['pack', 'validate', pack]);
    expect(tampered.code).toBe(1);
    expect(tampered.err).toContain('the signature does not match the pack');
  });

  it('refuses to sign with something that is not a key file', async () => {
    const d = dir();
    const pack = join(d, 'pack.json');
    writeFileSync(pack, packText());
    writeFileSync(join(d, 'key.json'), '{"privateKey": "abc"}');
    const result = await cli(['pack', 'sign', pack, '--key', join(d, 'key.json')]);
    expect(result.code).toBe(1);
    expect(result.err).toContain('not a Sound Familiar signing key file');
  });
});

describe('pack diff', () => {
  it('lists added, removed and changed entities and aliases', async () => {
    const d = dir();
    const before = join(d, 'v1.json');
    const after = join(d, 'v2.json');
    writeFileSync(before, packText());
    const v2 = goodPack();
    v2.meta.version = '1.1.0';
    v2.entities[0].aliases = ['TDO', 'Test Office'];
    v2.entities[0].summary = 'Changed.';
    v2.entities[1] = { ...v2.entities[0], id: 'new-body', name: 'New Test Body', aliases: ['NTB'] };
    delete v2.precision;
    writeFileSync(after, packText(v2));
    const result = await cli(['pack', 'diff', before, after]);
    expect(result).toEqual({ code: 0, err: '', out: [
      'test-pack 1.0.0 → test-pack 1.1.0',
      'added entities: 1',
      '  + new-body (New Test Body) aliases "NTB"',
      'removed entities: 1',
      '  - test-programme (Test Transformation Programme)',
      'changed entities: 1',
      '  ~ test-body (Test Digital Office): aliases added "Test Office"; aliases removed "the Test Digital Office"; changed summary',
    ].join('\n') });
    const json = JSON.parse((await cli(['pack', 'diff', before, after, '--json'])).out);
    expect(json.changed[0]).toEqual({ id: 'test-body', name: 'Test Digital Office', aliasesAdded: ['Test Office'], aliasesRemoved: ['the Test Digital Office'], fields: ['summary'] });
  });

  it('refuses unknown pack commands and options (exit 2)', async () => {
    expect((await cli(['pack', 'publish'])).code).toBe(2);
    expect((await cli(['pack', 'diff', 'a', 'b', '--key', 'k'])).err).toContain('pack diff does not take --key');
  });
});
