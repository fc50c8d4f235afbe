// Bundles the TypeScript the benchmark runs: the in-page harness with every engine (one browser
// script) and the Node dictionary module. Outputs go to bench/.cache, which git ignores.

import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const CACHE = path.join(here, '.cache');

export async function buildBundles() {
  await build({
    entryPoints: [path.join(here, 'page/harness.ts')],
    outfile: path.join(CACHE, 'harness.js'),
    bundle: true,
    format: 'iife',
    target: ['chrome120'],
    minify: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
  await build({
    entryPoints: [path.join(here, 'page/build-harness.ts')],
    outfile: path.join(CACHE, 'build-harness.js'),
    bundle: true,
    format: 'iife',
    target: ['chrome120'],
    logLevel: 'warning',
  });
  await build({
    entryPoints: [path.join(here, 'node/kb.ts')],
    outfile: path.join(CACHE, 'kb.mjs'),
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: ['node20'],
    logLevel: 'warning',
  });
  return { harness: path.join(CACHE, 'harness.js'), buildHarness: path.join(CACHE, 'build-harness.js'), kb: path.join(CACHE, 'kb.mjs') };
}
