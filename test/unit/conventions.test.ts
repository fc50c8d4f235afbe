// Conventions the code review kept asking for, checked so they hold without asking: every source
// file under src/ says what it is for in its opening comment; no file under src/ or test/ grows
// past 300 lines unless it is listed below with its reason; every message in the contract
// (src/shared/messages.ts, content-calls.ts) has a case in the message-validators test.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const MAX_LINES = 300;

/**
 * Files allowed past MAX_LINES, each with its reason. A new long file fails the test: split it, or
 * add it here with a reason a reviewer will accept. An entry whose file is gone or short fails too.
 */
const LONG_FILES: Record<string, string> = {
  'src/data/core/additions.json': 'knowledge pack data, checked by kb:check, not code',
  'src/data/core/existing.json': 'knowledge pack data (one JSON file per topic), checked by kb:check, not code',
  'src/data/core/local-government.json': 'knowledge pack data, checked by kb:check, not code',
  'src/data/core/ministers-digital.json': 'knowledge pack data, checked by kb:check, not code',
  'src/data/core/ministers-local.json': 'knowledge pack data, checked by kb:check, not code',
  'src/data/core/national-bodies.json': 'knowledge pack data, checked by kb:check, not code',
  'src/data/core/platforms.json': 'knowledge pack data, checked by kb:check, not code',
  'src/data/core/programmes.json': 'knowledge pack data, checked by kb:check, not code',
  'src/data/core/sector-people.json': 'knowledge pack data, checked by kb:check, not code',
  'src/data/core/strategies.json': 'knowledge pack data, checked by kb:check, not code',
  'test/fixtures/real-usage/pages.json': 'recorded text of real pages, the real-usage report\'s input',
  'test/fixtures/echoes/pairs.json': 'labelled evaluation set for echo detection (130 pairs), data not code',
  'test/fixtures/echoes/negatives.json': 'labelled evaluation set for echo detection (322 negatives), data not code',
  'test/fixtures/echoes/fresh-pairs.json': 'held-out evaluation set for echo detection (41 pairs), data not code',
  'test/fixtures/echoes/fresh-negatives.json': 'held-out evaluation set for echo detection (100 negatives), data not code',
  'test/fixtures/echoes/heldout2-pairs.json': 'second held-out evaluation set for echo detection (37 pairs), data not code',
  'test/fixtures/echoes/heldout2-negatives.json': 'second held-out evaluation set for echo detection (123 negatives), data not code',
  'test/fixtures/echoes/heldout3-pairs.json': 'third held-out evaluation set for echo detection (37 pairs), data not code',
  'test/fixtures/echoes/heldout3-negatives.json': 'third held-out evaluation set for echo detection (123 negatives), data not code',
  'test/fixtures/echoes/heldout4-pairs.json': 'fourth held-out evaluation set for echo detection (33 pairs), data not code',
  'test/fixtures/echoes/heldout4-negatives.json': 'fourth held-out evaluation set for echo detection (104 negatives), data not code',
  'test/fixtures/echoes/heldout5-pairs.json': 'fifth held-out evaluation set for echo detection (26 pairs), data not code',
  'test/fixtures/echoes/heldout5-negatives.json': 'fifth held-out evaluation set for echo detection (85 negatives), data not code',
  'test/fixtures/echoes/heldout6-pairs.json': 'sixth held-out evaluation set for echo detection (25 pairs), data not code',
  'test/fixtures/echoes/heldout6-negatives.json': 'sixth held-out evaluation set for echo detection (78 negatives), data not code',
};

/** Code must open with a comment. Data (JSON) cannot hold one; pages and styles are described by the code that loads them. */
const COMMENTED = /\.(ts|tsx|js|mjs)$/;
const SKIPPED_DIRS = new Set(['node_modules', '.cache']);

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : filesUnder(relative);
    return entry.isFile() ? [relative] : [];
  });
}

const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const lineCount = (text: string) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

describe('every source file under src/ opens with a comment saying what it is for', () => {
  it('has an opening comment', () => {
    const bare = filesUnder('src')
      .filter((file) => COMMENTED.test(file))
      .filter((file) => !/^\s*(\/\/|\/\*)/.test(read(file).replace(/^\uFEFF/, '')));
    expect(bare, 'add a comment at the top saying what the file is for').toEqual([]);
  });

  it('says something in it (three words at least), not just a directive such as // @ts-check', () => {
    const thin = filesUnder('src')
      .filter((file) => COMMENTED.test(file))
      .filter((file) => {
        const opening = /^\s*(?:\/\/[^\n]*\n?)+|^\s*\/\*[\s\S]*?\*\//.exec(read(file))?.[0] ?? '';
        return (opening.match(/[A-Za-z]{2,}/g) ?? []).length < 3 || /^\s*\/[/*]\s*@ts-|eslint-disable/.test(opening);
      });
    expect(thin).toEqual([]);
  });
});

describe(`no file under src/ or test/ is over ${MAX_LINES} lines`, () => {
  const files = [...filesUnder('src'), ...filesUnder('test')];

  it('keeps every file short, or lists it with a reason', () => {
    const long = files.filter((file) => !(file in LONG_FILES) && lineCount(read(file)) > MAX_LINES);
    expect(long.map((file) => `${file} (${lineCount(read(file))} lines)`)).toEqual([]);
  });

  it('lists no file that is gone or has become short', () => {
    const stale = Object.keys(LONG_FILES).filter((file) => !files.includes(file) || lineCount(read(file)) <= MAX_LINES);
    expect(stale, 'remove these from LONG_FILES').toEqual([]);
  });
});

/** The property names of an interface (messages.ts) or of an object literal bound to a const (the test). */
function namesIn(file: string, declaration: string): string[] {
  const source = ts.createSourceFile(file, read(file), ts.ScriptTarget.Latest, true);
  const names: string[] = [];
  const nameOf = (name: ts.PropertyName) => (ts.isStringLiteral(name) || ts.isIdentifier(name) ? name.text : name.getText(source));
  const visit = (node: ts.Node) => {
    if (ts.isInterfaceDeclaration(node) && node.name.text === declaration) {
      for (const member of node.members) if (member.name) names.push(nameOf(member.name));
    } else if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === declaration && node.initializer && ts.isObjectLiteralExpression(node.initializer)) {
      for (const property of node.initializer.properties) if (property.name) names.push(nameOf(property.name));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

describe('every call in the message contract has a case in test/unit/message-validators.test.ts', () => {
  it.each([
    ['BackgroundCalls', 'BACKGROUND_CASES', 'src/shared/messages.ts'],
    ['ContentCalls', 'CONTENT_CASES', 'src/shared/content-calls.ts'],
  ])('%s → %s', (contract, cases, file) => {
    const calls = namesIn(file, contract);
    const covered = new Set(namesIn('test/unit/message-validators.test.ts', cases));
    expect(calls.length, `no calls found in ${contract}: has it been renamed?`).toBeGreaterThan(0);
    expect(calls.filter((call) => !covered.has(call))).toEqual([]);
  });
});
