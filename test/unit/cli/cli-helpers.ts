// Runs the command-line tool in-process, collecting what it prints, in a scratch directory that
// is removed after each test.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { run } from '../../../src/cli/main';
import { validEnvelope } from '../../fixtures/sync/hostile';

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

export function runCli(args: string[]): CliResult {
  const out: string[] = [];
  const err: string[] = [];
  const code = run(args, (s) => out.push(s), (s) => err.push(s), Date.UTC(2024, 5, 1));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Registers cleanup; call `dir()` inside a test for a fresh directory. */
export function useScratchDir(): () => string {
  const made: string[] = [];
  afterEach(() => {
    for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return () => {
    const d = mkdtempSync(join(tmpdir(), 'sf-cli-'));
    made.push(d);
    return d;
  };
}

/** Writes a valid export (`claims` claims, two entities) and returns its path. */
export function exportFile(dir: string, name = 'notes.json', change: (e: Record<string, any>) => void = () => {}): string { // eslint-disable-line @typescript-eslint/no-explicit-any
  const envelope = validEnvelope() as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  change(envelope);
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(envelope));
  return path;
}
