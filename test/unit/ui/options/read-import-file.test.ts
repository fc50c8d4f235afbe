// The options page checks a chosen file's size before reading it (issue item 8: it read the
// whole file first, so a huge one froze the page before being refused).
import { describe, expect, it, vi } from 'vitest';
import { readImportFile } from '../../../../src/ui/options/read-import-file';
import { IMPORT_LIMITS } from '../../../../src/shared/sync/limits';

const fileOf = (size: number, text = '{}') => ({ name: 'notes.json', size, text: vi.fn(async () => text) });

describe('readImportFile', () => {
  it('refuses a file over the limit without reading it or sending it', async () => {
    const file = fileOf(IMPORT_LIMITS.bytes + 1);
    const preview = vi.fn();
    await expect(readImportFile(file, preview)).rejects.toThrow(`The file is too large (61 MB); the limit is ${IMPORT_LIMITS.bytes / 1e6} MB.`);
    expect(file.text).not.toHaveBeenCalled();
    expect(preview).not.toHaveBeenCalled();
  });

  it('says how large a much larger file is', async () => {
    await expect(readImportFile(fileOf(2_400_000_000), vi.fn())).rejects.toThrow('The file is too large (2,400 MB); the limit is 60 MB.');
  });

  it('reads a file within the limit and asks the background for its preview', async () => {
    const file = fileOf(IMPORT_LIMITS.bytes, '{"format":"sound-familiar"}');
    const preview = vi.fn(async (text: string) => ({ token: 't', length: text.length }));
    await expect(readImportFile(file, preview)).resolves.toEqual({ token: 't', length: 27 });
    expect(preview).toHaveBeenCalledWith('{"format":"sound-familiar"}');
  });
});
