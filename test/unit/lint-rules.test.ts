// The lint's architecture rules (eslint.config.js) still fire: each layering zone, the
// webextension-polyfill rule and no-cycle, on code that breaks them. An import the resolver cannot
// follow is silently let through by these rules, so a broken resolver setting would otherwise turn
// them off without a word. The type-aware promise rules run in oxlint (.oxlintrc.json): checked last.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const eslint = new ESLint({ cwd: ROOT });

async function rulesBroken(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`// A file that breaks a rule on purpose.\n${code}\n`, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

describe('eslint.config.js enforces DESIGN.md’s layering', { timeout: 60_000 }, () => {
  it.each([
    ['src/content/zz.ts', "import { openDb } from '../background/db';\nexport const x = openDb;"],
    ['src/ui/popup/zz.ts', "import { openDb } from '../../background/db';\nexport const x = openDb;"],
    ['src/shared/zz.ts', "import { callBackground } from '../platform/messaging';\nexport const x = callBackground;"],
    ['src/shared/zz.ts', "import { Scanner } from '../content/scan/scanner';\nexport const x = Scanner;"],
    ['src/shared/zz.ts', "import { Popup } from '../ui/popup/Popup';\nexport const x = Popup;"],
    ['src/shared/zz.ts', "import { openDb } from '../background/db';\nexport const x = openDb;"],
    ['src/content/zz.ts', "import browser from 'webextension-polyfill';\nexport const x = browser;"],
    ['src/shared/zz.ts', "import type { Runtime } from 'webextension-polyfill';\nexport type X = Runtime.MessageSender;"],
    ['scripts/zz.mjs', "import browser from 'webextension-polyfill';\nexport const x = browser;"],
  ])('refuses %s importing across a layer: %s', async (file, code) => {
    expect(await rulesBroken(file, code)).toContain('import-x/no-restricted-paths');
  });

  it.each([
    ['src/platform/zz.ts', "import browser from 'webextension-polyfill';\nexport const x = browser;"],
    ['test/unit/zz.test.ts', "import browser from 'webextension-polyfill';\nexport const x = browser;"],
    ['src/content/zz.ts', "import { callBackground } from '../platform/messaging';\nexport const x = callBackground;"],
    ['src/background/zz.ts', "import { normalise } from '../shared/normalise';\nexport const x = normalise;"],
  ])('lets %s import what it may: %s', async (file, code) => {
    expect(await rulesBroken(file, code)).toEqual([]);
  });

  it('refuses an import cycle in src/', async () => {
    // read-import.ts imports hypothesis.ts; a hypothesis.ts that imports read-import.ts back closes the loop.
    const code = "import { readImport } from './read-import';\nexport const x = readImport;";
    expect(await rulesBroken('src/shared/sync/hypothesis.ts', code)).toContain('import-x/no-cycle');
  });
});

/**
 * The oxlint rules (.oxlintrc.json) a file breaks, linted with type information in a TypeScript
 * project of its own in a temp folder: the rules need a program, and the repository's is not
 * written to by tests.
 */
function oxlintRulesBroken(file: string, code: string): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'sf-oxlint-'));
  try {
    const compilerOptions = { strict: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022', 'DOM'], jsx: 'react-jsx' };
    writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['.'] }));
    writeFileSync(path.join(dir, file), code);
    const run = spawnSync(path.join(ROOT, 'node_modules/.bin/oxlint'), ['--type-aware', '-c', '.oxlintrc.json', '--tsconfig', path.join(dir, 'tsconfig.json'), '--format', 'json', dir], { cwd: ROOT, encoding: 'utf8' });
    const report = JSON.parse(run.stdout) as { diagnostics: { code: string }[]; number_of_files: number };
    expect(report.number_of_files).toBe(1);
    return report.diagnostics.map((d) => d.code);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the lint keeps promises handled (oxlint, type-aware)', { timeout: 60_000 }, () => {
  it('runs over src/ and test/ with type information, after ESLint', () => {
    const lint = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.lint!;
    expect(lint).toMatch(/^eslint .*&& oxlint --type-aware --deny-warnings --tsconfig tsconfig\.json src test$/);
  });

  it('refuses a promise that nobody awaits or catches', () => {
    const code = 'export async function later(): Promise<void> {}\nlater();\n';
    expect(oxlintRulesBroken('later.ts', code)).toEqual(['typescript(no-floating-promises)']);
    expect(oxlintRulesBroken('later.ts', code.replace('later();', 'void later();'))).toEqual([]);
  });

  it('refuses an async function where the caller ignores what it returns (a listener, an onClick)', () => {
    const code = "export const listen = (target: EventTarget) => target.addEventListener('click', async () => {});\n";
    expect(oxlintRulesBroken('listen.tsx', code)).toEqual(['typescript(no-misused-promises)']);
  });
});
