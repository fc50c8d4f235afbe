// `sound-familiar`: validate, merge and count export files with Node alone, using the very code
// the extension imports with. Exit status: 0 success, 1 an invalid file (reason on stderr,
// naming the record and field), 2 bad usage.

import { readFileSync, writeFileSync } from 'node:fs';
import { ImportError, readImport, type ImportedData } from '../shared/sync/read-import';
import { fileStats, formatStats } from './file-stats';
import { mergeFiles } from './merge-files';

const USAGE = `Usage:
  sound-familiar validate FILE
  sound-familiar merge A.json B.json [C.json …] -o OUT.json
  sound-familiar stats FILE [--json]`;

class UsageError extends Error {}

function load(path: string): ImportedData {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ImportError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  try {
    return readImport(text);
  } catch (error) {
    if (error instanceof ImportError) throw new ImportError(`${path}: ${error.message}`);
    throw error;
  }
}

export function run(args: readonly string[], out: (s: string) => void, err: (s: string) => void, now = Date.now()): number {
  try {
    const [command, ...rest] = args;
    switch (command) {
      case 'validate': {
        if (rest.length !== 1) throw new UsageError('validate takes one file');
        const data = load(rest[0]!);
        out(`${rest[0]}: valid ${data.kind} file, ${data.claims.length} claims, ${data.entities.length} entities`);
        return 0;
      }
      case 'merge': {
        const o = rest.indexOf('-o');
        const output = o >= 0 ? rest[o + 1] : undefined;
        const inputs = rest.filter((_, i) => i !== o && i !== o + 1);
        if (!output || inputs.length < 2) throw new UsageError('merge takes at least two files and -o OUT.json');
        const merged = mergeFiles(inputs.map(load), now);
        writeFileSync(output, JSON.stringify(merged, null, 1));
        out(`wrote ${output}: ${merged.claims.length} claim versions, ${merged.entities.length} entity versions`);
        return 0;
      }
      case 'stats': {
        const json = rest.includes('--json');
        const files = rest.filter((a) => a !== '--json');
        if (files.length !== 1) throw new UsageError('stats takes one file');
        const stats = fileStats(load(files[0]!));
        out(json ? JSON.stringify(stats, null, 2) : formatStats(stats));
        return 0;
      }
      case undefined:
      case '--help':
      case '-h':
        (command ? out : err)(USAGE);
        return command ? 0 : 2;
      default:
        throw new UsageError(`unknown command: ${command}`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      err(`sound-familiar: ${error.message}\n${USAGE}`);
      return 2;
    }
    if (error instanceof ImportError) {
      err(`sound-familiar: invalid file: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
