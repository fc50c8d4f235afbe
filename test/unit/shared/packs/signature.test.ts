// Pack signatures: Ed25519 through WebCrypto, over the pack's exact bytes, checked against a
// published test vector so signatures from any standard Ed25519 tool verify.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateSigningKey, signPack } from '../../../../src/shared/packs/sign-pack';
import { parseSignatureFile, toBase64, verifyPackSignature } from '../../../../src/shared/packs/signature';
import { packText } from '../../../fixtures/packs/make-pack';

const hex = (h: string) => Uint8Array.from(h.match(/../g)!, (b) => parseInt(b, 16));

describe('verifyPackSignature', () => {
  it('accepts RFC 8032 test vector 1 (the empty message)', async () => {
    const sig = {
      publicKey: toBase64(hex('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a')),
      signature: toBase64(hex('e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b')),
    };
    expect(await verifyPackSignature('', sig)).toEqual({ ok: true, publicKey: sig.publicKey });
    expect((await verifyPackSignature(' ', sig)).ok).toBe(false);
  });

  it('verifies a pack signed with a generated key, and names the key', async () => {
    const key = await generateSigningKey();
    const text = packText();
    const sig = await signPack(text, key);
    expect(await verifyPackSignature(text, sig)).toEqual({ ok: true, publicKey: key.publicKey });
  });

  it('signs the UTF-8 bytes: non-ASCII text verifies, and so does the signature file as written', async () => {
    const key = await generateSigningKey();
    const text = packText().replace('Test pack', 'Pecyn prawf — Llywodraeth Cymru ✓');
    const sig = await signPack(text, key);
    expect((await verifyPackSignature(text, parseSignatureFile(JSON.stringify(sig)))).ok).toBe(true);
  });

  it('refuses a pack changed after signing, and one signed by another key', async () => {
    const [key, other] = await Promise.all([generateSigningKey(), generateSigningKey()]);
    const text = packText();
    const sig = await signPack(text, key);
    const changed = await verifyPackSignature(text.replace('1.0.0', '1.0.1'), sig);
    expect(changed).toEqual({ ok: false, error: 'the signature does not match the pack: it was changed after signing, or signed by another key' });
    expect((await verifyPackSignature(text, { ...sig, publicKey: other.publicKey })).ok).toBe(false);
  });

  it('refuses any one-character change to a signed pack', async () => {
    const key = await generateSigningKey();
    const text = packText();
    const sig = await signPack(text, key);
    await fc.assert(fc.asyncProperty(fc.nat(text.length - 1), fc.string({ minLength: 1, maxLength: 1 }), async (at, c) => {
      fc.pre(text[at] !== c);
      return !(await verifyPackSignature(text.slice(0, at) + c + text.slice(at + 1), sig)).ok;
    }), { numRuns: 40 });
  });

  it.each([
    ['not an object', null, 'the signature file is not a JSON object with publicKey and signature'],
    ['a list', [], 'the signature file is not a JSON object with publicKey and signature'],
    ['a short key', { publicKey: toBase64(new Uint8Array(31)), signature: toBase64(new Uint8Array(64)) }, 'the signature file\'s publicKey is not 32 bytes in base64 (an Ed25519 public key)'],
    ['a key that is not base64', { publicKey: '!'.repeat(44), signature: toBase64(new Uint8Array(64)) }, 'the signature file\'s publicKey is not 32 bytes in base64 (an Ed25519 public key)'],
    ['a long signature', { publicKey: toBase64(new Uint8Array(32).fill(2)), signature: toBase64(new Uint8Array(65)) }, 'the signature file\'s signature is not 64 bytes in base64 (an Ed25519 signature)'],
  ])('refuses %s with a clear message', async (_name, sig, error) => {
    expect(await verifyPackSignature('{}', sig)).toEqual({ ok: false, error });
  });

  it('reads nothing from a signature file too large to be one', () => {
    expect(parseSignatureFile(`{"publicKey":"${'A'.repeat(2000)}"}`)).toBeNull();
    expect(parseSignatureFile('not json')).toBeNull();
  });
});

describe('signPack', () => {
  it('refuses a key file that is not one, and one whose halves do not match', async () => {
    await expect(signPack('x', { privateKey: 'abc' })).rejects.toThrow('not a Sound Familiar signing key file');
    const [a, b] = await Promise.all([generateSigningKey(), generateSigningKey()]);
    await expect(signPack('x', { ...a, publicKey: b.publicKey })).rejects.toThrow('the key file\'s public key does not belong to its private key');
  });
});
