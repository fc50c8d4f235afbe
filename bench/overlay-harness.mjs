// The bench's in-page harness (bench/page/harness.ts) built over the `src` of a baseline commit,
// with some paths of this working tree laid over it: how big-page.mjs and append-compare.mjs time
// a change against its baseline. The harness and engines are always this working tree's, so both
// variants are timed by the same code.

import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

/**
 * Builds the harness as `${name}.js` under `cache` and returns its source, named with a sourceURL
 * so a profile's frames say where they are. `benchDirs`: the working tree's bench folders to copy.
 */
export async function overlayHarness({ repoRoot, cache, baseline, name, paths, benchDirs = ['bench/page', 'bench/engines'] }) {
  const dir = path.join(cache, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('sh', ['-c', `git archive ${baseline} src | tar -x -C "${dir}"`], { cwd: repoRoot });
  for (const p of paths) {
    rmSync(path.join(dir, p), { recursive: true, force: true });
    cpSync(path.join(repoRoot, p), path.join(dir, p), { recursive: true });
  }
  for (const p of benchDirs) cpSync(path.join(repoRoot, p), path.join(dir, p), { recursive: true });
  const outfile = path.join(cache, `${name}.js`);
  await build({ entryPoints: [path.join(dir, 'bench/page/harness.ts')], outfile, bundle: true, logLevel: 'warning', format: 'iife', target: ['chrome120'], legalComments: 'none' });
  return `${await readFile(outfile, 'utf8')}\n//# sourceURL=${name}.js`;
}
