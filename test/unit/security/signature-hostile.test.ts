// Security review of pack signatures (issue 14): the signature must cover exactly the text that is
// parsed and stored, a hostile signature file must not confuse the check, and the pinned key must
// hold through every install path the store offers (another key, no signature, another pack's id
// claimed from another address). Cases beside signature.test.ts and pack-store.test.ts.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { SoundFamiliarDb } from '../../../src/background/db';
import { installPack, PackError } from '../../../src/background/packs/pack-store';
import { generateSigningKey, signPack, type SigningKeyFile } from '../../../src/shared/packs/sign-pack';
import { base64Bytes, parseSignatureFile, toBase64, verifyPackSignature, type PackSignature } from '../../../src/shared/packs/signature';
import { goodPack, packText } from '../../fixtures/packs/make-pack';
import { freshDbs } from '../helpers/fresh-db';

const freshDb = freshDbs('signature-hostile');

let keys: Promise<[SigningKeyFile, SigningKeyFile]> | undefined;
const twoKeys = () => (keys ??= Promise.all([generateSigningKey(), generateSigningKey()]));

/** What subscriptions.ts does with a fetched copy: verify, then install with what verification said. */
async function installChecked(db: SoundFamiliarDb, text: string, sig: unknown, url = 'https://example.org/test-pack.json') {
  if (sig === null) return installPack(db, text, { url, signed: false });
  const check = await verifyPackSignature(text, sig);
  if (!check.ok) throw new PackError(check.error);
  return installPack(db, text, { url, signed: true, publicKey: check.publicKey });
}

describe('the signature covers the exact text that is parsed', () => {
  it.each([
    ['a trailing newline', (t: string) => `${t}\n`],
    ['a byte-order mark', (t: string) => `\uFEFF${t}`],
    ['re-indented JSON (same data)', (t: string) => JSON.stringify(JSON.parse(t))],
    ['a key repeated later (JSON takes the last)', (t: string) => t.replace(/\}\s*$/, ', "format": 1}')],
    ['an alias in decomposed Unicode (looks the same)', (t: string) => t.replace('Test Digital Office', 'Te\u0301st Digital Office'.normalize('NFD'))],
    ['a zero-width space', (t: string) => t.replace('TDO', 'T\u200BDO')],
  ])('refuses the signed pack with %s', async (_name, change) => {
    const [key] = await twoKeys();
    const text = packText();
    const sig = await signPack(text, key);
    expect(change(text)).not.toBe(text);
    expect((await verifyPackSignature(change(text), sig)).ok).toBe(false);
  });

  it('a signature of one pack does not verify another pack by the same key', async () => {
    const [key] = await twoKeys();
    const other = goodPack();
    other.meta.id = 'other-pack';
    const sig = await signPack(packText(other), key);
    expect((await verifyPackSignature(packText(), sig)).ok).toBe(false);
  });
});

describe('a hostile signature file', () => {
  it('is not read through __proto__ or inherited fields', async () => {
    const [key] = await twoKeys();
    const text = packText();
    const sig = await signPack(text, key);
    const proto = parseSignatureFile(`{"__proto__": ${JSON.stringify(sig)}}`);
    expect((await verifyPackSignature(text, proto)).ok).toBe(false);
    expect(({} as Record<string, unknown>).publicKey).toBeUndefined();
  });

  it.each([
    ['null', null],
    ['a list', ['a', 'b']],
    ['a string', 'signature'],
    ['a key of the wrong length', { publicKey: toBase64(new Uint8Array(31)), signature: toBase64(new Uint8Array(64)) }],
    ['a signature of the wrong length', { publicKey: toBase64(new Uint8Array(32)), signature: toBase64(new Uint8Array(63)) }],
    ['base64url instead of base64', { publicKey: `${'-_'.repeat(21)}AA=`, signature: toBase64(new Uint8Array(64)) }],
    ['whitespace in the base64', { publicKey: ` ${toBase64(new Uint8Array(32))}`, signature: toBase64(new Uint8Array(64)) }],
    ['numbers', { publicKey: 1, signature: 2 }],
  ])('is refused when it holds %s', async (_name, sig) => {
    expect((await verifyPackSignature(packText(), sig)).ok).toBe(false);
  });

  it('base64Bytes never decodes more than its limit, nor a value that is not standard base64', () => {
    expect(base64Bytes('A'.repeat(400), 300)).toBeNull();
    expect(base64Bytes('AAAA====', 3)).toBeNull();
    expect(base64Bytes('AA AA', 3)).toBeNull();
  });

  it('parseSignatureFile refuses a file over its limit before parsing it', () => {
    expect(parseSignatureFile(`{"publicKey":"${'A'.repeat(2000)}"}`)).toBeNull();
    expect(parseSignatureFile('{not json')).toBeNull();
  });
});

describe('the pinned key holds through every install', () => {
  it('a copy signed by another key, then one with no signature, is refused; the pinned key and copy stay', async () => {
    const [key, attacker] = await twoKeys();
    const db = freshDb();
    const v1 = packText();
    await installChecked(db, v1, await signPack(v1, key));
    const evil = goodPack();
    evil.meta.version = '9.0.0';
    evil.entities[0].summary = 'Rewritten by someone else.';
    const v2 = packText(evil);
    await expect(installChecked(db, v2, await signPack(v2, attacker))).rejects.toThrow(/signed by a different key/);
    await expect(installChecked(db, v2, null)).rejects.toThrow(/is not signed/);
    // The attacker's key in the signature file with the maintainer's name on it changes nothing.
    const forged = { ...(await signPack(v2, attacker)), publicKey: key.publicKey };
    await expect(installChecked(db, v2, forged)).rejects.toThrow();
    const row = (await db.packs.get('test-pack'))!;
    expect(row).toMatchObject({ publicKey: key.publicKey, signed: true, text: v1 });
    expect((await db.entities.get('test-pack:test-body'))!.summary).toBe('A body that exists only in tests.');
  });

  it('the maintainer\'s next signed copy is accepted and the pin does not move', async () => {
    const [key] = await twoKeys();
    const db = freshDb();
    const v1 = packText();
    await installChecked(db, v1, await signPack(v1, key));
    const next = goodPack();
    next.meta.version = '1.1.0';
    next.entities[0].aliases.push('Test Office');
    const v2 = packText(next);
    await installChecked(db, v2, await signPack(v2, key));
    expect((await db.packs.get('test-pack'))!).toMatchObject({ publicKey: key.publicKey, text: v2 });
  });

  it('a "signed" install that names no key is refused', async () => {
    const db = freshDb();
    await expect(installPack(db, packText(), { url: 'https://example.org/test-pack.json', signed: true })).rejects.toThrow('A signed pack needs the key that signed it.');
    expect(await db.packs.count()).toBe(0);
  });

  it('another address cannot take over a signed pack\'s id, even with its own valid signature', async () => {
    const [key, attacker] = await twoKeys();
    const db = freshDb();
    const v1 = packText();
    await installChecked(db, v1, await signPack(v1, key));
    const hijack = goodPack();
    hijack.meta.version = '9.9.9';
    hijack.entities[0].summary = 'Hijacked.';
    const text = packText(hijack);
    await expect(installChecked(db, text, await signPack(text, attacker), 'https://attacker.example/test-pack.json')).rejects.toThrow(/already installed from https:\/\/example\.org/);
    await expect(installChecked(db, text, null, 'https://attacker.example/test-pack.json')).rejects.toThrow(/already installed from/);
    expect((await db.packs.get('test-pack'))!).toMatchObject({ url: 'https://example.org/test-pack.json', publicKey: key.publicKey, text: v1 });
    expect((await db.entities.get('test-pack:test-body'))!.summary).toBe('A body that exists only in tests.');
  });

  it('what is stored is the verified text itself, byte for byte, so a later read cannot differ from what was checked', async () => {
    const [key] = await twoKeys();
    const db = freshDb();
    const text = `\uFEFF${packText()}`;
    const sig: PackSignature = await signPack(text, key);
    await installChecked(db, text, sig);
    expect((await db.packs.get('test-pack'))!.text).toBe(text);
  });
});
