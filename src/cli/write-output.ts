// Writes the command line's output file without harming what is there: an existing file is
// replaced only with --force, a symbolic link is never written through (or replaced), and the
// text goes to a temporary file in the same directory that takes the name only when complete.

import { randomBytes } from 'node:crypto';
import { closeSync, constants, fsyncSync, linkSync, lstatSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The output cannot be written where asked; the message says why. */
export class OutputError extends Error {}

const code = (error: unknown) => (error as NodeJS.ErrnoException).code;
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

function checkTarget(path: string, force: boolean): void {
  let stat;
  try {
    stat = lstatSync(path);
  } catch (error) {
    if (code(error) === 'ENOENT') return;
    throw new OutputError(`cannot write ${path}: ${code(error) ?? String(error)}`);
  }
  if (stat.isSymbolicLink()) throw new OutputError(`${path} is a symbolic link; it is not written through`);
  if (!stat.isFile()) throw new OutputError(`${path} exists and is not a regular file`);
  if (!force) throw new OutputError(`${path} already exists; add --force to replace it`);
}

function writeTemporary(path: string, text: string, mode: number): string {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  // O_EXCL: never an existing file, nor a link planted under the temporary name.
  const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), mode);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    unlinkSync(temp);
    throw error;
  }
  closeSync(fd);
  return temp;
}

/** `mode` 0o600 for a private key: the file is never readable by others, not even while written. */
export function writeOutputFile(path: string, text: string, { force = false, mode = 0o666 } = {}): void {
  checkTarget(path, force);
  const temp = writeTemporary(path, text, mode);
  try {
    if (force) {
      // rename replaces the name itself: a link that appeared there since the check is replaced, not followed.
      renameSync(temp, path);
      return;
    }
    // link fails if anything took the name since the check, where rename would replace it.
    try {
      linkSync(temp, path);
    } catch (error) {
      if (!NO_HARD_LINKS.has(code(error) ?? '')) throw error;
      // A file system without hard links (FAT, some network shares): check again and rename.
      checkTarget(path, false);
      renameSync(temp, path);
      return;
    }
    unlinkSync(temp);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // already renamed or gone
    }
    if (error instanceof OutputError) throw error;
    if (code(error) === 'EEXIST') throw new OutputError(`${path} already exists; add --force to replace it`);
    throw new OutputError(`cannot write ${path}: ${code(error) ?? String(error)}`);
  }
}
