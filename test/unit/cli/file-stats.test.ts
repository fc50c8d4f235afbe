// `stats` counts in maps, not plain objects (issue item 8): a site called `constructor` or
// `__proto__` is counted like any other, in the table and in --json, and nothing reaches
// Object.prototype.
import { afterEach, describe, expect, it } from 'vitest';
import { fileStats, formatStats } from '../../../src/cli/file-stats';
import type { ImportedData } from '../../../src/shared/sync/read-import';
import { makeClaim } from '../../fixtures/sync/records';
import { exportFile, runCli, useScratchDir } from './cli-helpers';

const dir = useScratchDir();

afterEach(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
});

const SITES = ['http://constructor/a', 'http://constructor/b', 'http://__proto__/c', 'http://hasownproperty/d', 'http://tostring/e', 'https://www.gov.uk/f'];

// Entries, not an object literal: `{ __proto__: 1 }` in source sets a prototype, not a key.
const EXPECTED = [['__proto__', 1], ['constructor', 2], ['hasownproperty', 1], ['tostring', 1], ['www.gov.uk', 1]];

function data(): ImportedData {
  return { kind: 'sound-familiar', deviceId: null, claims: SITES.map((source, i) => makeClaim(i + 1, { source, status: i % 2 ? 'made' : 'delivered' })), entities: [] };
}

describe('fileStats', () => {
  it('counts sites whatever their names', () => {
    const stats = fileStats(data());
    expect(Object.entries(stats.bySite).sort()).toEqual(EXPECTED);
    expect(formatStats(stats)).toMatch(/^ {2}constructor +2$/m);
    expect(formatStats(stats)).toMatch(/^ {2}__proto__ +1$/m);
  });

  it('counts them the same through the command line, as JSON', () => {
    const path = exportFile(dir(), 'sites.json', (e) => {
      SITES.forEach((source, i) => {
        e.claims[i] = JSON.parse(JSON.stringify(e.claims[i % 3]));
        e.claims[i].id = `urn:uuid:0b9a6c2e-4f1d-4c3a-9e7b-${String(i + 100).padStart(12, '0')}`;
        e.claims[i].target.source = source;
      });
    });
    const { code, out } = runCli(['stats', path, '--json']);
    expect(code).toBe(0);
    expect(Object.entries(JSON.parse(out).bySite).sort()).toEqual(EXPECTED);
  });
});
