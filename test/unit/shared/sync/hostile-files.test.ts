// readImport against the hostile files corpus (test/fixtures/sync/hostile.ts): every file is
// refused with an ImportError whose message says what is wrong and where; big files are
// refused quickly, by their size or count, without validating each record.
import { afterEach, describe, expect, it } from 'vitest';
import { IMPORT_LIMITS, ImportError, readImport } from '../../../../src/shared/sync/read-import';
import { HOSTILE_FILES, validEnvelope } from '../../../fixtures/sync/hostile';

function refusal(text: string): ImportError {
  try {
    readImport(text);
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw new Error(`expected an ImportError, got ${String(error)}`);
  }
  throw new Error('expected the file to be refused');
}

afterEach(() => {
  // Nothing in the corpus may reach Object.prototype.
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('the hostile files corpus', () => {
  it('starts from a file that imports cleanly', () => {
    const data = readImport(JSON.stringify(validEnvelope(500)));
    expect(data.claims).toHaveLength(500);
    expect(data.entities).toHaveLength(2);
  });

  // Building the largest files takes seconds on a loaded machine: a generous timeout, and no
  // timing assertion (how long a refusal takes belongs in the benchmark, not in a test).
  it.each(HOSTILE_FILES.map((f) => [f.name, f] as const))('refuses %s', (_name, file) => {
    const error = refusal(file.make());
    if (typeof file.message === 'string') expect(error.message).toBe(file.message);
    else expect(error.message).toMatch(file.message);
  }, 30_000);

  it('refuses a million records by count, before looking at any of them', () => {
    // Every record here is invalid; a per-record check would report claim 1 instead.
    const text = `{"format":"sound-familiar","version":1,"claims":[${'{"type":"Nope"},'.repeat(999_999)}{}]}`;
    expect(refusal(text).message).toBe(`The file holds 1000000 claims; at most ${IMPORT_LIMITS.claims} can be imported at once.`);
  }, 30_000);

  it('says where a deep nesting is, without quoting more than 60 characters of path', () => {
    const envelope = validEnvelope() as unknown as { claims: { soundFamiliar: { tags: unknown } }[] };
    envelope.claims[0]!.soundFamiliar.tags = JSON.parse('['.repeat(40) + ']'.repeat(40));
    const message = refusal(JSON.stringify(envelope)).message;
    const at = /\(at (.*)…\)\.$/.exec(message);
    expect(at).not.toBeNull();
    expect(at![1]!.length).toBeLessThanOrEqual(60);
  });

  // Regression test: a non-object JSON value threw a bare ValidationError before 0f03b4e.
  it.each(['null', '42', '"a string"', 'true'])('refuses the JSON value %s with an ImportError', (text) => {
    expect(refusal(text).message).toBe('This is not a Sound Familiar export (its "format" is missing or different).');
  });

  // Regression test: a "claims" of the wrong type imported as nothing, silently, before 0f03b4e.
  it.each([
    ['an object', { 0: {} }],
    ['a string', 'claims'],
  ])('refuses "claims" given as %s instead of a list', (_kind, claims) => {
    const envelope = { ...validEnvelope(), claims };
    expect(() => readImport(JSON.stringify(envelope))).toThrow(/claims: must be a list/);
  });
});
