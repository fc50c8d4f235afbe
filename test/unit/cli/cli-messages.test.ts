// What the command line prints never carries control characters from a file or an argument
// (issue item 8: it echoed them, so a file could drive the terminal). Arguments are parsed with
// node:util parseArgs; anything it does not know is a usage error.
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { escapeControls } from '../../../src/cli/escape';
import { exportFile, runCli, useScratchDir } from './cli-helpers';

const dir = useScratchDir();
// C0, DEL, C1 (a single-byte CSI among them) and the text-direction overrides.
const RAW_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('escapeControls', () => {
  it('spells out C0, DEL, C1 and text-direction characters, and leaves other text alone', () => {
    expect(escapeControls('a\u001b[2Jb\u0007\u007f\u009b31m\u202eé 日本 “x”\n\t')).toBe('a\\u001b[2Jb\\u0007\\u007f\\u009b31m\\u202eé 日本 “x”\\u000a\\u0009');
  });
});

describe('messages that quote a file', () => {
  it('escape an escape sequence in the file’s name', () => {
    const d = dir();
    const path = join(d, 'evil\u001b]0;owned\u0007\u001b[2J.json');
    writeFileSync(path, 'not json');
    const { code, err } = runCli(['validate', path]);
    expect(code).toBe(1);
    expect(err).not.toMatch(RAW_CONTROLS);
    expect(err).toContain('evil\\u001b]0;owned\\u0007\\u001b[2J.json');
  });

  it('escape a C1 control quoted from the file’s content', () => {
    // JSON.stringify leaves U+009B (a one-byte CSI on some terminals) raw.
    const path = exportFile(dir(), 'c1.json', (e) => { e.entities[0].aliases.push('\u009bJ'); });
    const { code, err } = runCli(['validate', path]);
    expect(code).toBe(1);
    expect(err).not.toMatch(RAW_CONTROLS);
    expect(err).toContain('entity 1.aliases[2]: "\\u009bJ"');
  });

  it('escape control characters in a key the file nests too deeply under', () => {
    const path = join(dir(), 'deep.json');
    const deep = `${'['.repeat(30)}${']'.repeat(30)}`;
    writeFileSync(path, `{"format":"sound-familiar","version":1,"claims":[{"\\u001b[2J\\u009b31m":${deep}}]}`);
    const { code, err } = runCli(['validate', path]);
    expect(code).toBe(1);
    expect(err).not.toMatch(RAW_CONTROLS);
    expect(err).toContain('(at claims[0].\\u001b[2J\\u009b31m[0]');
  });

  it('escape a control character in an unknown command or option', () => {
    expect(runCli(['\u001b[31mvalidate'])).toMatchObject({ code: 2 });
    expect(runCli(['\u001b[31mvalidate']).err).not.toMatch(RAW_CONTROLS);
    const { code, err } = runCli(['stats', 'x.json', '--\u001b[2J']);
    expect(code).toBe(2);
    expect(err).not.toMatch(RAW_CONTROLS);
  });
});

describe('arguments', () => {
  it.each([
    [['stats', 'a.json', '--bogus']],
    [['merge', 'a.json', 'b.json', '-o']],
    [['merge', 'a.json', '-o', 'out.json']],
    [['validate', 'a.json', '--json']],
    [['validate', 'a.json', '--force']],
    [['stats', 'a.json', '-o', 'x.json']],
    [['validate']],
  ])('refuses %j as bad usage', (args) => {
    const { code, err } = runCli(args);
    expect(code).toBe(2);
    expect(err).toMatch(/^sound-familiar: .*\nUsage:/s);
  });

  it('prints usage on --help', () => {
    expect(runCli(['--help'])).toMatchObject({ code: 0, out: expect.stringMatching(/^Usage:/) });
  });
});
