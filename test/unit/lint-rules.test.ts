// The lint's architecture rules (eslint.config.js) still fire: each layering zone, the
// webextension-polyfill rule and no-cycle, on code that breaks them. An import the resolver cannot
// follow is silently let through by these rules, so a broken resolver setting would otherwise turn
// them off without a word.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// The layering cases lint files that are not on disk (zz.ts), which the type-aware rules cannot
// read (the TypeScript project does not list them): for those two only, type information is off.
const eslint = new ESLint({
  cwd: ROOT,
  overrideConfig: {
    files: ['**/zz.ts', '**/zz.test.ts'],
    languageOptions: { parserOptions: { projectService: false } },
    rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off' },
  },
});

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

describe('eslint.config.js keeps promises handled', { timeout: 60_000 }, () => {
  it('refuses a promise that nobody awaits or catches, in src/ and in tests', async () => {
    const code = 'export async function later(): Promise<void> {}\nlater();';
    expect(await rulesBroken('src/shared/normalise.ts', code)).toContain('@typescript-eslint/no-floating-promises');
    expect(await rulesBroken('test/unit/shared/normalise.test.ts', code)).toContain('@typescript-eslint/no-floating-promises');
  });

  it('refuses an async function where the caller ignores what it returns (a listener, an onClick)', async () => {
    const code = "export const listen = (target: EventTarget) => target.addEventListener('click', async () => {});";
    expect(await rulesBroken('src/ui/claims/ClaimRow.tsx', code)).toContain('@typescript-eslint/no-misused-promises');
  });
});
