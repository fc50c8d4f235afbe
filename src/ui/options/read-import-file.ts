// Reads the file the user chose to import and asks for its preview. The size is checked before a
// byte is read: reading a file of gigabytes would freeze the page long before it was refused.

import { formatCount } from '../../shared/format-count';
import { IMPORT_LIMITS } from '../../shared/sync/limits';

/** The part of a File this needs, so tests can pass a file that must not be read. */
export interface ChosenFile {
  readonly size: number;
  text(): Promise<string>;
}

export async function readImportFile<T>(file: ChosenFile, preview: (text: string) => Promise<T>): Promise<T> {
  // Bytes on disk are never fewer than the characters readImport counts, so this refuses nothing it would take.
  if (file.size > IMPORT_LIMITS.bytes) {
    throw new Error(`The file is too large (${formatCount(Math.ceil(file.size / 1e6))} MB); the limit is ${IMPORT_LIMITS.bytes / 1e6} MB.`);
  }
  return preview(await file.text());
}
