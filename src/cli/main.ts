// `sound-familiar`: validate, merge and count export files with Node alone, using the very code
// the extension imports with; and build, sign, check and compare knowledge packs (pack-commands.ts).
// Exit status: 0 success, 1 an invalid file (reason on stderr, naming the record and field), 2 bad
// usage or an output it will not write. Files are hostile: see read-input.ts and write-output.ts;
// everything printed goes through escapeControls.

import { parseArgs } from 'node:util';
import { ImportError, readImport, type ImportedData } from '../shared/sync/read-import';
import { escapeControls } from './escape';
import { fileStats, formatStats } from './file-stats';
import { mergeFiles } from './merge-files';
import { readInputFile } from './read-input';
import { PACK_USAGE, packCommand, PackUsageError } from './pack-commands';
import { OutputError, writeOutputFile } from './write-output';

const USAGE = `Usage:
  sound-familiar validate FILE
  sound-familiar merge A.json B.json [C.json …] -o OUT.json [--force]
  sound-familiar stats FILE [--json]
${PACK_USAGE}

  -o, --output OUT.json   where merge writes; an existing file is replaced only with --force
  --force                 let merge replace an existing OUT.json (never a symbolic link)
  --json                  stats as JSON`;

const OPTIONS = {
  output: { type: 'string', short: 'o' },
  force: { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Which options each command takes. */
const ALLOWED: Record<string, readonly string[]> = { validate: [], merge: ['output', 'force'], stats: ['json'] };

class UsageError extends Error {}

type Printer = (s: string) => void;

/** Prints each line escaped: nothing from a file or an argument reaches the terminal raw. */
const say = (print: Printer, text: string) => print(text.split('\n').map(escapeControls).join('\n'));

function load(path: string, now: number): ImportedData {
  const text = readInputFile(path);
  try {
    return readImport(text, now);
  } catch (error) {
    if (error instanceof ImportError) throw new ImportError(`${path}: ${error.message}`);
    throw error;
  }
}

function parse(args: readonly string[]) {
  try {
    return parseArgs({ args: [...args], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    // parseArgs names the offending argument in its message; its codes are all ERR_PARSE_ARGS_*.
    if ((error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) throw new UsageError((error as Error).message);
    throw error;
  }
}

function command(args: readonly string[], out: Printer, now: number): number {
  const { values, positionals } = parse(args);
  const [name, ...files] = positionals;
  if (values.help || name === undefined) {
    if (!values.help) throw new UsageError('no command given');
    say(out, USAGE);
    return 0;
  }
  const allowed = ALLOWED[name];
  if (!Object.hasOwn(ALLOWED, name) || !allowed) throw new UsageError(`unknown command: ${name}`);
  for (const option of Object.keys(values)) if (!allowed.includes(option)) throw new UsageError(`${name} does not take --${option}`);
  switch (name) {
    case 'validate': {
      if (files.length !== 1) throw new UsageError('validate takes one file');
      const data = load(files[0]!, now);
      say(out, `${files[0]}: valid ${data.kind} file, ${data.claims.length} claims, ${data.entities.length} entities`);
      return 0;
    }
    case 'merge': {
      if (!values.output || files.length < 2) throw new UsageError('merge takes at least two files and -o OUT.json');
      const merged = mergeFiles(files.map((f) => load(f, now)), now);
      writeOutputFile(values.output, JSON.stringify(merged, null, 1), { force: values.force === true });
      say(out, `wrote ${values.output}: ${merged.claims.length} claim versions, ${merged.entities.length} entity versions`);
      return 0;
    }
    default: {
      if (files.length !== 1) throw new UsageError('stats takes one file');
      const stats = fileStats(load(files[0]!, now));
      say(out, values.json ? JSON.stringify(stats, null, 2) : formatStats(stats));
      return 0;
    }
  }
}

/** Exit status for a failure: 2 bad usage or a refused output, 1 an invalid file; anything else is a bug. */
function failure(error: unknown, err: Printer): number {
  if (error instanceof UsageError || error instanceof PackUsageError) {
    say(err, `sound-familiar: ${error.message}\n${USAGE}`);
    return 2;
  }
  if (error instanceof OutputError) {
    say(err, `sound-familiar: ${error.message}`);
    return 2;
  }
  if (error instanceof ImportError) {
    say(err, `sound-familiar: invalid file: ${error.message}`);
    return 1;
  }
  throw error;
}

/** The export-file commands, which need no waiting. */
export function run(args: readonly string[], out: Printer, err: Printer, now = Date.now()): number {
  try {
    if (args[0] === 'pack') throw new UsageError('pack commands run through runAsync');
    return command(args, out, now);
  } catch (error) {
    return failure(error, err);
  }
}

/** Every command, `pack …` included (signing and verifying wait on WebCrypto). */
export async function runAsync(args: readonly string[], out: Printer, err: Printer, now = Date.now()): Promise<number> {
  if (args[0] !== 'pack') return run(args, out, err, now);
  try {
    return await packCommand(args.slice(1), (s) => say(out, s), now);
  } catch (error) {
    return failure(error, err);
  }
}
