// Reads an input file for the command line, treating it as hostile: only a regular file, of at
// most the import size limit, is read, and both are checked on the open file before reading, so
// /dev/zero, a FIFO or a file swapped in after the check cannot make it read for ever.

import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { formatCount } from '../shared/format-count';
import { ImportError } from '../shared/sync/read-import';
import { IMPORT_LIMITS } from '../shared/sync/limits';

const tooLarge = (path: string, bytes: number) =>
  new ImportError(`${path}: the file is too large (${formatCount(Math.ceil(bytes / 1e6))} MB); the limit is ${IMPORT_LIMITS.bytes / 1e6} MB.`);

export function readInputFile(path: string, limit: number = IMPORT_LIMITS.bytes): string {
  let fd: number;
  try {
    // Non-blocking, so opening a FIFO with no writer returns at once instead of waiting.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw new ImportError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new ImportError(`${path}: not a regular file (a directory, device or pipe); it was not read`);
    if (stat.size > limit) throw tooLarge(path, stat.size);
    // Read one byte past the limit: a file that grew after the check is caught, not read on.
    const buffer = Buffer.alloc(Math.min(stat.size, limit) + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > limit) throw tooLarge(path, length);
    return buffer.toString('utf8', 0, length);
  } finally {
    closeSync(fd);
  }
}
