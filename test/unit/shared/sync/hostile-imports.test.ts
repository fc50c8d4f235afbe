// readImport against the hostile imports of the security issue (test/fixtures/hostile): aliases
// that light up every page, dictionary bombs, far-future dates and numbers JSON reads as
// Infinity are refused with a message naming the record and field; and a file never decides
// whether a record is built-in or user-edited.
import { describe, expect, it } from 'vitest';
import { ImportError, readImport } from '../../../../src/shared/sync/read-import';
import { ALIAS_FILES, BLOAT_FILES, DATE_AND_NUMBER_FILES, distinctNames } from '../../../fixtures/hostile/import-files';
import { validEnvelope } from '../../../fixtures/sync/hostile';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function refusal(text: string): string {
  try {
    readImport(text);
  } catch (error) {
    if (error instanceof ImportError) return error.message;
    throw new Error(`expected an ImportError, got ${String(error)}`);
  }
  throw new Error('expected the file to be refused');
}

describe('names and aliases that would be highlighted everywhere (issue item 3)', () => {
  it.each(ALIAS_FILES.map((f) => [f.name, f] as const))('refuses %s', (_name, file) => {
    expect(refusal(file.make())).toBe(file.message);
  });

  it('accepts three-letter acronyms and phrases that merely contain common words', () => {
    const envelope = validEnvelope() as unknown as Json;
    envelope.entities[1].aliases = ['CDDO', 'GDS', 'the Central Digital and Data Office', 'Office for Digital'];
    expect(readImport(JSON.stringify(envelope)).entities[1]!.aliases).toHaveLength(4);
  });
});

describe('files that would bloat the dictionary (issue item 6)', () => {
  it.each(BLOAT_FILES.map((f) => [f.name, f] as const))('refuses %s', (_name, file) => {
    expect(refusal(file.make())).toBe(file.message);
  });

  it('accepts an entity with 50 aliases', () => {
    const envelope = validEnvelope() as unknown as Json;
    envelope.entities[0].aliases = distinctNames(50, 20);
    expect(readImport(JSON.stringify(envelope)).entities[0]!.aliases).toHaveLength(50);
  });
});

describe('far-future dates and numbers JSON cannot carry (issue item 8)', () => {
  it.each(DATE_AND_NUMBER_FILES.map((f) => [f.name, f] as const))('refuses %s', (_name, file) => {
    expect(refusal(file.make())).toBe(file.message);
  });

  it('accepts a date up to a day ahead of the clock (a colleague’s clock may run fast)', () => {
    const now = Date.UTC(2026, 0, 1);
    const envelope = validEnvelope() as unknown as Json;
    envelope.claims[0].modified = new Date(now + 23 * 3_600_000).toISOString();
    expect(readImport(JSON.stringify(envelope), now).claims[0]!.modified).toBe(now + 23 * 3_600_000);
    envelope.claims[0].modified = new Date(now + 25 * 3_600_000).toISOString();
    expect(() => readImport(JSON.stringify(envelope), now)).toThrow('claim 1.modified: is more than a day in the future');
  });
});

describe('a file never decides what is built-in (issue item 3)', () => {
  it('reads every entity as the user’s, whatever origin and userEdited the file gives', () => {
    const envelope = validEnvelope() as unknown as Json;
    envelope.entities[0].origin = 'builtin';
    envelope.entities[0].userEdited = true;
    envelope.entities[1].origin = 'builtin';
    const [first, second] = readImport(JSON.stringify(envelope)).entities;
    expect(first!.origin).toBe('user');
    expect(second!.origin).toBe('user');
    expect('userEdited' in first!).toBe(false);
  });
});
