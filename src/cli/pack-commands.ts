// `sound-familiar pack validate|build|sign|keygen|diff`: the maintainer's side of knowledge packs,
// with the very parser and signature code the extension uses. Files are hostile (read-input.ts);
// outputs never overwrite without --force (write-output.ts); a private key is written 0600.

import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parsePack } from '../shared/packs/parse-pack';
import { PACK_FORMAT, PACK_LIMITS, type Pack } from '../shared/packs/pack-types';
import { generateSigningKey, signPack } from '../shared/packs/sign-pack';
import { parseSignatureFile, SIGNATURE_FILE_LIMIT, verifyPackSignature } from '../shared/packs/signature';
import { ImportError } from '../shared/sync/read-import';
import { diffPacks, formatDiff } from './pack-diff';
import { readInputFile } from './read-input';
import { writeOutputFile } from './write-output';

export const PACK_USAGE = `  sound-familiar pack validate PACK.json
  sound-familiar pack build ENTITIES.json --id ID --title T --maintainer M --licence L --version V
                     [--homepage https://…] [--updated YYYY-MM-DD] [--min-app-version V] -o PACK.json [--force]
  sound-familiar pack sign PACK.json --key KEY.json [--force]      (writes PACK.json.sig)
  sound-familiar pack keygen -o KEY.json [--force]                  (a new Ed25519 signing key)
  sound-familiar pack diff OLD.json NEW.json [--json]`;

/** Bad usage of a pack command: exit 2 with the usage. */
export class PackUsageError extends Error {}

const OPTIONS = {
  output: { type: 'string', short: 'o' },
  force: { type: 'boolean' },
  json: { type: 'boolean' },
  key: { type: 'string' },
  id: { type: 'string' },
  title: { type: 'string' },
  maintainer: { type: 'string' },
  licence: { type: 'string' },
  version: { type: 'string' },
  homepage: { type: 'string' },
  updated: { type: 'string' },
  'min-app-version': { type: 'string' },
} as const;

const META = ['id', 'title', 'maintainer', 'licence', 'version', 'homepage', 'updated', 'min-app-version'] as const;
const ALLOWED: Record<string, readonly string[]> = {
  validate: [], build: [...META, 'output', 'force'], sign: ['key', 'force'], keygen: ['output', 'force'], diff: ['json'],
};

type Printer = (s: string) => void;

function invalid(path: string, errors: readonly string[]): ImportError {
  return new ImportError(`${path} is not a valid pack:\n${errors.map((e) => `  ${e}`).join('\n')}`);
}

function loadPack(path: string): { text: string; pack: Pack } {
  const text = readInputFile(path, PACK_LIMITS.bytes);
  const result = parsePack(text);
  if (!result.ok) throw invalid(path, result.errors);
  return { text, pack: result.pack };
}

function readJson(path: string, limit: number): unknown {
  try {
    return JSON.parse(readInputFile(path, limit));
  } catch (error) {
    if (error instanceof SyntaxError) throw new ImportError(`${path}: not valid JSON`);
    throw error;
  }
}

async function validate(path: string, out: Printer): Promise<number> {
  const { text, pack } = loadPack(path);
  const names = pack.entities.reduce((n, e) => n + 1 + e.aliases.length, 0);
  out(`${path}: valid pack "${pack.meta.id}" ${pack.meta.version}, ${pack.entities.length} entities, ${names} names and aliases`);
  const sigPath = `${path}.sig`;
  if (!existsSync(sigPath)) {
    out(`unsigned (no ${sigPath})`);
    return 0;
  }
  const check = await verifyPackSignature(text, parseSignatureFile(readInputFile(sigPath, SIGNATURE_FILE_LIMIT)));
  if (!check.ok) throw new ImportError(`${sigPath}: ${check.error}`);
  out(`signed by key ${check.publicKey}`);
  return 0;
}

function build(input: string, values: Record<string, string | boolean | undefined>, now: number, out: Printer): number {
  const missing = ['id', 'title', 'maintainer', 'licence', 'version'].filter((k) => typeof values[k] !== 'string');
  if (missing.length > 0 || typeof values.output !== 'string') throw new PackUsageError(`pack build needs ${[...missing.map((m) => `--${m}`), ...(values.output ? [] : ['-o PACK.json'])].join(', ')}`);
  const raw = readJson(input, PACK_LIMITS.bytes);
  // An array of entities in the core pack's schema, or { entities, precision }.
  const holder = Array.isArray(raw) ? { entities: raw } : (raw as Record<string, unknown> | null);
  if (!holder || !Array.isArray(holder.entities)) throw new ImportError(`${input}: must be a list of entities, or an object with "entities"`);
  const str = (k: string) => values[k] as string | undefined;
  const pack = {
    format: PACK_FORMAT,
    meta: {
      id: str('id'), title: str('title'), maintainer: str('maintainer'),
      ...(str('homepage') ? { homepage: str('homepage') } : {}),
      licence: str('licence'), version: str('version'), updated: str('updated') ?? new Date(now).toISOString().slice(0, 10),
      ...(str('min-app-version') ? { minAppVersion: str('min-app-version') } : {}),
    },
    entities: holder.entities,
    ...(holder.precision !== undefined ? { precision: holder.precision } : {}),
  };
  const text = `${JSON.stringify(pack, null, 2)}\n`;
  const result = parsePack(text);
  if (!result.ok) throw invalid(`the pack built from ${input}`, result.errors);
  writeOutputFile(values.output as string, text, { force: values.force === true });
  out(`wrote ${values.output as string}: pack "${result.pack.meta.id}" ${result.pack.meta.version}, ${result.pack.entities.length} entities`);
  return 0;
}

async function sign(path: string, keyPath: string | undefined, force: boolean, out: Printer): Promise<number> {
  if (!keyPath) throw new PackUsageError('pack sign needs --key KEY.json');
  const { text } = loadPack(path);
  // Browsers drop a leading byte-order mark when they read the pack, so it would not verify.
  if (text.charCodeAt(0) === 0xfeff) throw new ImportError(`${path}: starts with a byte-order mark; save it without one, then sign`);
  let signature;
  try {
    signature = await signPack(text, readJson(keyPath, 10_000));
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(`${keyPath}: ${(error as Error).message}`);
  }
  writeOutputFile(`${path}.sig`, `${JSON.stringify(signature, null, 2)}\n`, { force });
  out(`wrote ${path}.sig: signed by key ${signature.publicKey}`);
  return 0;
}

async function keygen(output: string | undefined, force: boolean, out: Printer): Promise<number> {
  if (!output) throw new PackUsageError('pack keygen needs -o KEY.json');
  const key = await generateSigningKey();
  writeOutputFile(output, `${JSON.stringify(key, null, 2)}\n`, { force, mode: 0o600 });
  out(`wrote ${output} (keep it private; readable by you only)\npublic key: ${key.publicKey}`);
  return 0;
}

function diff(files: readonly string[], json: boolean, out: Printer): number {
  if (files.length !== 2) throw new PackUsageError('pack diff takes two packs: OLD.json NEW.json');
  const result = diffPacks(loadPack(files[0]!).pack, loadPack(files[1]!).pack);
  out(json ? JSON.stringify(result, null, 2) : formatDiff(result));
  return 0;
}

export async function packCommand(args: readonly string[], out: Printer, now: number): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) throw new PackUsageError((error as Error).message);
    throw error;
  }
  const { values, positionals } = parsed;
  const [name, ...files] = positionals;
  if (name === undefined || !Object.hasOwn(ALLOWED, name)) throw new PackUsageError(name === undefined ? 'pack needs a command' : `unknown pack command: ${name}`);
  for (const option of Object.keys(values)) if (!ALLOWED[name]!.includes(option)) throw new PackUsageError(`pack ${name} does not take --${option}`);
  const one = () => {
    if (files.length !== 1) throw new PackUsageError(`pack ${name} takes one file`);
    return files[0]!;
  };
  switch (name) {
    case 'validate': return validate(one(), out);
    case 'build': return build(one(), values, now, out);
    case 'sign': return sign(one(), values.key, values.force === true, out);
    case 'keygen':
      if (files.length > 0) throw new PackUsageError('pack keygen takes no file, only -o KEY.json');
      return keygen(values.output, values.force === true, out);
    default: return diff(files, values.json === true, out);
  }
}
