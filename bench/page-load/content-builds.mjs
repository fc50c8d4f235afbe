// The content scripts a source tree's build.mjs makes (content.js always; content-session.js and
// content-ui.js where that tree has them: an older baseline may not), rebuilt with build.mjs's
// Chromium options and an external source map beside each, for the traces' attribution
// (attribute.mjs, our-scripts.mjs). External maps add no comment, so the scripts are the same bytes.

import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** The options build.mjs uses for the Chromium target (minified production bundle). @type {import('esbuild').BuildOptions} */
export const CHROME_OPTIONS = {
  bundle: true, format: 'iife', target: ['chrome120'], minify: true, legalComments: 'none', jsx: 'automatic', jsxImportSource: 'preact',
  logLevel: 'warning', define: { 'process.env.NODE_ENV': '"production"', 'globalThis.SF_NATIVE_BROWSER': 'false' },
};

/**
 * The content-script entry points of the build.mjs at `root`, read from its `entryPoints` object:
 * { content: 'src/content/index.ts', 'content-session': …, 'content-ui': … } (those it has).
 */
export function contentEntries(root) {
  const text = readFileSync(path.join(root, 'build.mjs'), 'utf8');
  const block = /const entryPoints = \{([\s\S]*?)\n\};/.exec(text)?.[1] ?? '';
  const entries = Object.fromEntries([...block.matchAll(/^\s*'?(content(?:-[a-z]+)*)'?\s*:\s*'([^']+)'/gm)].map((m) => [m[1], m[2]]));
  if (!entries.content) throw new Error(`no content entry point found in ${path.join(root, 'build.mjs')}`);
  return entries;
}

/** The content-script files the tree at `root` builds: ['content.js', …]. */
export const contentFiles = (root) => Object.keys(contentEntries(root)).map((name) => `${name}.js`);

/** Builds every content script of the tree at `root` into `outdir`, each with `<file>.map`. Returns the files. */
export async function buildContentWithMaps(root, outdir) {
  const entryPoints = contentEntries(root);
  await build({ ...CHROME_OPTIONS, absWorkingDir: root, entryPoints, outdir, sourcemap: 'external' });
  return Object.keys(entryPoints).map((name) => `${name}.js`);
}

/** Those of `files` whose bytes differ between directories `a` and `b` (missing in either counts as different). */
export async function differingFiles(a, b, files) {
  const read = (dir, f) => readFile(path.join(dir, f)).catch(() => null);
  const out = [];
  for (const f of files) {
    const [x, y] = await Promise.all([read(a, f), read(b, f)]);
    if (!x || !y || !x.equals(y)) out.push(f);
  }
  return out;
}

/** { 'content.js': { minBytes, gzipBytes }, … } for the content scripts the tree at `root` builds, found in `dir`. */
export async function contentSizes(root, dir) {
  const { gzipSync } = await import('node:zlib');
  const sizes = {};
  for (const f of contentFiles(root)) {
    const bytes = await readFile(path.join(dir, f)).catch(() => null);
    if (bytes) sizes[f] = { minBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
  }
  return sizes;
}
