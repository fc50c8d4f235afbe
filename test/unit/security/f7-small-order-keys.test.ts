// F7: a small-order Ed25519 public key lets anyone "sign" about one pack copy in eight; such keys
// (every encoding of the eight torsion points) are refused before verifying.
import { describe, expect, it } from 'vitest';
import { hasSmallOrder, SMALL_ORDER_Y, toBase64, verifyPackSignature } from '../../../src/shared/packs/signature';
import { packText } from '../../fixtures/packs/make-pack';

const P = 2n ** 255n - 19n;
const mod = (n: bigint) => ((n % P) + P) % P;
function pow(b: bigint, e: bigint): bigint {
  let r = 1n;
  for (b = mod(b); e > 0n; e >>= 1n, b = mod(b * b)) if (e & 1n) r = mod(r * b);
  return r;
}
const D = mod(-121665n * pow(121666n, P - 2n));
function encode(y: bigint, sign: boolean): Uint8Array {
  const bytes = new Uint8Array(32);
  for (let i = 0; i < 32; i++) bytes[i] = Number((y >> BigInt(8 * i)) & 0xffn);
  if (sign) bytes[31]! |= 0x80;
  return bytes;
}

describe('F7: small-order public keys', () => {
  it('a small-order public key (all zeros) is refused: with it anyone can "sign" about one copy in eight', async () => {
    const zero = { publicKey: toBase64(new Uint8Array(32)), signature: toBase64(new Uint8Array(64)) };
    let forged = 0;
    for (let i = 0; i < 64; i++) if ((await verifyPackSignature(packText().replace('"Test pack"', `"Test pack${' '.repeat(i)}"`), zero)).ok) forged++;
    expect(forged).toBe(0);
  });

  it('the list is the torsion points: y = ±1, 0, and the two y whose double is y = 0, plus p and p + 1', () => {
    // Doubling on -x² + y² = 1 + d x² y² gives y = 0 exactly when d y⁴ + 2 y² - 1 = 0.
    const orderEight = [...SMALL_ORDER_Y].filter((y) => y > 1n && y < P - 1n);
    expect(orderEight).toHaveLength(2);
    for (const y of orderEight) expect(mod(D * y ** 4n + 2n * y * y - 1n)).toBe(0n);
    expect([...SMALL_ORDER_Y].filter((y) => y >= P - 1n || y <= 1n).sort()).toEqual([0n, 1n, P - 1n, P, P + 1n]);
  });

  it('every encoding, either sign bit, is refused with a message that says why', async () => {
    for (const y of SMALL_ORDER_Y) {
      for (const sign of [false, true]) {
        const key = encode(y, sign);
        expect(hasSmallOrder(key)).toBe(true);
        const check = await verifyPackSignature(packText(), { publicKey: toBase64(key), signature: toBase64(new Uint8Array(64)) });
        expect(check).toMatchObject({ ok: false, error: expect.stringMatching(/small order/) });
      }
    }
  });

  it('an ordinary key is not small order', async () => {
    const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    expect(hasSmallOrder(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey)))).toBe(false);
  });
});
