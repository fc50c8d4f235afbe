// Bundles the TypeScript the benchmark runs: the in-page harness with every engine (one browser
// script), the in-page dictionary-build timer, and the Node dictionary module. Outputs go to
// bench/.cache, which git ignores.

import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const CACHE = path.join(here, '.cache');

const PAGE = { format: 'iife', target: ['chrome120'], legalComments: 'none' };
const NODE = { format: 'esm', platform: 'node', target: ['node20'] };

async function bundle(entry, out, options) {
  const outfile = path.join(CACHE, out);
  await build({ entryPoints: [path.join(here, entry)], outfile, bundle: true, logLevel: 'warning', ...options });
  return outfile;
}

export async function buildBundles() {
  return {
    harness: await bundle('page/harness.ts', 'harness.js', PAGE),
    buildHarness: await bundle('page/build-harness.ts', 'build-harness.js', PAGE),
    kb: await bundle('node/kb.ts', 'kb.mjs', NODE),
  };
}
