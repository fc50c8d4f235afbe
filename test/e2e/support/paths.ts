// Where things are. The e2e suite runs from a fresh clone with the shared material (the page
// corpus) in a sibling folder, so every path is resolved from the repository root, never the cwd.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The built extension; `SF_DIST` points the suite at another build (e.g. a clean checkout's). */
export function distDir(browser: 'chrome' | 'firefox'): string {
  return path.join(process.env.SF_DIST ? path.resolve(process.env.SF_DIST) : path.join(repoRoot, 'dist'), browser);
}

export const fixturesDir = path.join(repoRoot, 'test/e2e/fixtures');
export const corpusDir = path.resolve(repoRoot, '../shared/corpus/pages');
/** A file of the core knowledge pack (src/data/core/). */
export const corePackPath = (file: string) => path.join(repoRoot, 'src/data/core', file);

/** Screenshots and other artefacts a person may want to look at; gitignored. */
export function resultsPath(name: string): string {
  const dir = path.join(repoRoot, 'test-results/e2e');
  mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
