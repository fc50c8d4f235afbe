// The command line treats its files as hostile (issue item 8): it reads only regular files of a
// bounded size, checked before reading (it read /dev/zero for ever); it never overwrites an
// output without --force, writes through a temporary file and a rename, and never writes
// through a symbolic link.
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS } from '../../../src/shared/sync/limits';
import { exportFile, runCli, useScratchDir } from './cli-helpers';

const dir = useScratchDir();

describe('input files', () => {
  it('validates a regular export file', () => {
    const path = exportFile(dir());
    expect(runCli(['validate', path])).toEqual({ code: 0, out: `${path}: valid sound-familiar file, 3 claims, 2 entities`, err: '' });
  });

  it.runIf(existsSync('/dev/zero'))('refuses /dev/zero without reading it', () => {
    expect(runCli(['validate', '/dev/zero'])).toMatchObject({ code: 1, err: 'sound-familiar: invalid file: /dev/zero: not a regular file (a directory, device or pipe); it was not read' });
  });

  it.runIf(existsSync('/dev/null'))('refuses /dev/null as a device, not as an empty file', () => {
    expect(runCli(['stats', '/dev/null'])).toMatchObject({ code: 1, err: 'sound-familiar: invalid file: /dev/null: not a regular file (a directory, device or pipe); it was not read' });
  });

  it('refuses a directory', () => {
    const d = dir();
    expect(runCli(['validate', d])).toMatchObject({ code: 1, err: `sound-familiar: invalid file: ${d}: not a regular file (a directory, device or pipe); it was not read` });
  });

  it.runIf(process.platform !== 'win32')('refuses a named pipe without waiting for a writer', () => {
    const fifo = join(dir(), 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    expect(runCli(['validate', fifo])).toMatchObject({ code: 1, err: `sound-familiar: invalid file: ${fifo}: not a regular file (a directory, device or pipe); it was not read` });
  });

  it('refuses a file over the size limit before reading it', () => {
    const big = join(dir(), 'big.json');
    writeFileSync(big, '');
    truncateSync(big, IMPORT_LIMITS.bytes + 1); // sparse: large on paper, nothing to read
    expect(runCli(['validate', big])).toMatchObject({ code: 1, err: `sound-familiar: invalid file: ${big}: the file is too large (61 MB); the limit is 60 MB.` });
  });

  it('says when a file cannot be opened', () => {
    const missing = join(dir(), 'missing.json');
    expect(runCli(['validate', missing])).toMatchObject({ code: 1, err: `sound-familiar: invalid file: cannot read ${missing}: ENOENT` });
  });
});

describe('merge output', () => {
  it('writes a new file', () => {
    const d = dir();
    const a = exportFile(d, 'a.json');
    const b = exportFile(d, 'b.json');
    const out = join(d, 'team.json');
    expect(runCli(['merge', a, b, '-o', out])).toMatchObject({ code: 0, err: '' });
    expect(JSON.parse(readFileSync(out, 'utf8')).format).toBe('sound-familiar');
    expect(readdirSync(d).sort()).toEqual(['a.json', 'b.json', 'team.json']);
  });

  it('does not overwrite an existing file without --force', () => {
    const d = dir();
    const a = exportFile(d, 'a.json');
    const b = exportFile(d, 'b.json');
    const out = join(d, 'team.json');
    writeFileSync(out, 'precious');
    expect(runCli(['merge', a, b, '-o', out])).toMatchObject({ code: 2, err: `sound-familiar: ${out} already exists; add --force to replace it` });
    expect(readFileSync(out, 'utf8')).toBe('precious');
  });

  it('with --force replaces it by renaming a finished temporary file over it', () => {
    const d = dir();
    const a = exportFile(d, 'a.json');
    const b = exportFile(d, 'b.json');
    const out = join(d, 'team.json');
    writeFileSync(out, 'old');
    const before = statSync(out).ino;
    expect(runCli(['merge', a, b, '--output', out, '--force'])).toMatchObject({ code: 0, err: '' });
    expect(JSON.parse(readFileSync(out, 'utf8')).format).toBe('sound-familiar');
    // A new file took the old one's name: the old one was never truncated and rewritten in place.
    expect(statSync(out).ino).not.toBe(before);
    expect(readdirSync(d).sort()).toEqual(['a.json', 'b.json', 'team.json']);
  });

  it.runIf(process.platform !== 'win32')('never writes through a symbolic link, even with --force', () => {
    const d = dir();
    const a = exportFile(d, 'a.json');
    const b = exportFile(d, 'b.json');
    const target = join(d, 'victim.txt');
    writeFileSync(target, 'do not touch');
    const link = join(d, 'team.json');
    symlinkSync(target, link);
    for (const force of [[], ['--force']]) {
      expect(runCli(['merge', a, b, '-o', link, ...force])).toMatchObject({ code: 2, err: `sound-familiar: ${link} is a symbolic link; it is not written through` });
    }
    expect(readFileSync(target, 'utf8')).toBe('do not touch');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(target);
  });

  it.runIf(process.platform !== 'win32')('never creates the target of a dangling symbolic link', () => {
    const d = dir();
    const a = exportFile(d, 'a.json');
    const b = exportFile(d, 'b.json');
    const link = join(d, 'team.json');
    const target = join(d, 'created-elsewhere.json');
    symlinkSync(target, link);
    expect(runCli(['merge', a, b, '-o', link]).code).toBe(2);
    expect(existsSync(target)).toBe(false);
  });

  it('refuses to replace a directory', () => {
    const d = dir();
    const a = exportFile(d, 'a.json');
    const b = exportFile(d, 'b.json');
    const out = join(d, 'team.json');
    mkdirSync(out);
    expect(runCli(['merge', a, b, '-o', out, '--force'])).toMatchObject({ code: 2, err: `sound-familiar: ${out} exists and is not a regular file` });
  });
});
