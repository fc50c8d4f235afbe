// The maintainer's side of pack signatures (signature.ts is the subscriber's): a key pair, kept
// as a small JSON key file, and the detached signature of a pack's exact bytes. Runs wherever
// WebCrypto has Ed25519 (the command line, under Node 20).

import { base64Bytes, toBase64, type PackSignature } from './signature';

/** The key file `pack keygen` writes: the private key (PKCS #8) and its public key (raw), in base64. */
export interface SigningKeyFile {
  format: 'sound-familiar-signing-key';
  publicKey: string;
  privateKey: string;
}

export async function generateSigningKey(): Promise<SigningKeyFile> {
  const pair = await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify']) as CryptoKeyPair;
  return {
    format: 'sound-familiar-signing-key',
    publicKey: toBase64(await crypto.subtle.exportKey('raw', pair.publicKey)),
    privateKey: toBase64(await crypto.subtle.exportKey('pkcs8', pair.privateKey)),
  };
}

/** Signs `text` (UTF-8) with the key file's private key; refuses a key file whose halves do not match. */
export async function signPack(text: string, keyFile: unknown): Promise<PackSignature> {
  const file = typeof keyFile === 'object' && keyFile !== null ? (keyFile as Record<string, unknown>) : {};
  const pkcs8 = typeof file.privateKey === 'string' && file.privateKey.length <= 200 ? base64Bytes(file.privateKey, 48) : null;
  const publicKey = base64Bytes(file.publicKey, 32);
  if (file.format !== 'sound-familiar-signing-key' || !pkcs8 || !publicKey) throw new Error('not a Sound Familiar signing key file (made by `sound-familiar pack keygen`)');
  const privateKey = await crypto.subtle.importKey('pkcs8', pkcs8, { name: 'Ed25519' }, false, ['sign']);
  const bytes = new TextEncoder().encode(text);
  const signature = toBase64(await crypto.subtle.sign({ name: 'Ed25519' }, privateKey, bytes));
  const check = await crypto.subtle.verify({ name: 'Ed25519' }, await crypto.subtle.importKey('raw', publicKey, { name: 'Ed25519' }, false, ['verify']), base64Bytes(signature, 64)!, bytes);
  if (!check) throw new Error('the key file\'s public key does not belong to its private key');
  return { publicKey: file.publicKey as string, signature };
}
