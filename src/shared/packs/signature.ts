// Ed25519 signatures of knowledge packs, through WebCrypto (crypto.subtle: Node 20, Chromium and
// Firefox all have Ed25519). A signed pack has a detached signature beside it at `<pack url>.sig`:
// `{ "publicKey": "<base64 of the raw 32-byte key>", "signature": "<base64 of the 64-byte
// signature over the pack's exact UTF-8 bytes>" }`. Verifying says only that the holder of that
// key signed these bytes; whether it is the key the subscriber pinned is pack-store.ts's question.

export interface PackSignature {
  publicKey: string;
  signature: string;
}

export type SignatureCheck = { ok: true; publicKey: string } | { ok: false; error: string };

/** A signature file is tiny; anything larger is not one. */
export const SIGNATURE_FILE_LIMIT = 1024;

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Standard base64 of exactly `length` bytes, or null. */
export function base64Bytes(value: unknown, length: number): Uint8Array<ArrayBuffer> | null {
  if (typeof value !== 'string' || value.length > 200 || value.length % 4 !== 0 || !BASE64.test(value)) return null;
  const binary = atob(value);
  if (binary.length !== length) return null;
  const bytes = new Uint8Array(new ArrayBuffer(length));
  for (let i = 0; i < length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function toBase64(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let binary = '';
  for (const b of view) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** Reads a `.sig` file's text; verifyPackSignature checks what it holds. */
export function parseSignatureFile(text: string): unknown {
  if (text.length > SIGNATURE_FILE_LIMIT) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

// Small-order public keys (the eight torsion points, as the y-coordinates their encodings carry,
// sign bit aside): with one, a forger's "signature" (R a torsion point, S = 0) verifies for about
// one message in eight, whatever the message. RFC 8032 verifiers need not refuse them, so this does.
// The values are those of libsodium's small-order blocklist: y = 1 (order 1), p - 1 (order 2),
// 0 (order 4), ±y8 (order 8), and the non-canonical p and p + 1 (0 and 1 again).
const P = 2n ** 255n - 19n;
const Y8 = 2707385501144840649318225287225658788936804267575313519463743609750303402022n;
export const SMALL_ORDER_Y: ReadonlySet<bigint> = new Set([0n, 1n, P - 1n, P, P + 1n, Y8, P - Y8]);

/** Whether an Ed25519 public key encodes a point of small order (any encoding, either sign). */
export function hasSmallOrder(key: Uint8Array): boolean {
  let y = 0n;
  for (let i = key.length - 1; i >= 0; i--) y = (y << 8n) | BigInt(i === 31 ? key[i]! & 0x7f : key[i]!);
  return SMALL_ORDER_Y.has(y);
}

export async function verifyPackSignature(text: string, sig: unknown): Promise<SignatureCheck> {
  if (typeof sig !== 'object' || sig === null || Array.isArray(sig)) {
    return { ok: false, error: 'the signature file is not a JSON object with publicKey and signature' };
  }
  const { publicKey, signature } = sig as Record<string, unknown>;
  const keyBytes = base64Bytes(publicKey, 32);
  if (!keyBytes) return { ok: false, error: 'the signature file\'s publicKey is not 32 bytes in base64 (an Ed25519 public key)' };
  if (hasSmallOrder(keyBytes)) return { ok: false, error: 'the signature file\'s publicKey is a weak Ed25519 key (a point of small order) that anyone can forge signatures for' };
  const sigBytes = base64Bytes(signature, 64);
  if (!sigBytes) return { ok: false, error: 'the signature file\'s signature is not 64 bytes in base64 (an Ed25519 signature)' };
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey('raw', keyBytes, { name: 'Ed25519' }, false, ['verify']);
  } catch {
    return { ok: false, error: 'this browser cannot check Ed25519 signatures, or the public key is not a valid one' };
  }
  const valid = await crypto.subtle.verify({ name: 'Ed25519' }, key, sigBytes, new TextEncoder().encode(text));
  if (!valid) return { ok: false, error: 'the signature does not match the pack: it was changed after signing, or signed by another key' };
  return { ok: true, publicKey: publicKey as string };
}
