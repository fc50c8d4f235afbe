// Bench-only builds of the Chromium extension, written to a temp directory (never into dist/):
// dist/chrome copied as is (its manifest untouched), with content.js and background.js rebuilt from
// the current source with build.mjs's options — content.js with an external source map (the same
// bytes; the map is for the trace's attribution), background.js with the built-in pack extended by
// generated entities for the 10k / 50k variants. Every variant of a run comes from one source state.

import { build } from 'esbuild';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export const BENCH_DIST_ROOT = path.join(os.tmpdir(), 'sound-familiar-bench-dist');

/** The options build.mjs uses for the Chromium target (minified production bundle). */
const OPTIONS = {
  bundle: true, format: 'iife', target: ['chrome120'], minify: true, legalComments: 'none', jsx: 'automatic', jsxImportSource: 'preact',
  logLevel: 'warning', define: { 'process.env.NODE_ENV': '"production"' },
};

/**
 * `entities`: extra pack entities ({id, kind, name, aliases}) appended to the core pack as one more
 * file, or null for the shipped pack. Returns the unpacked extension's directory.
 */
export async function buildBenchDist(repoRoot, name, entities) {
  const out = path.join(BENCH_DIST_ROOT, name);
  await rm(out, { recursive: true, force: true });
  await mkdir(BENCH_DIST_ROOT, { recursive: true });
  await cp(path.join(repoRoot, 'dist/chrome'), out, { recursive: true });
  // content.js again with an external map: the same bytes as dist's (checked by the caller), plus content.js.map.
  await build({ ...OPTIONS, absWorkingDir: repoRoot, entryPoints: { content: 'src/content/index.ts' }, outdir: out, sourcemap: 'external' });
  const plugins = [];
  if (entities) {
    const packFile = path.join(out, '..', `${name}-pack.json`);
    await writeFile(packFile, JSON.stringify(entities));
    const corePack = path.join(repoRoot, 'src/data/core-pack.ts');
    const plugin = {
      name: 'bench-pack',
      setup(b) {
        // Only builtin-kb.ts's import of the core pack is redirected; the module it gets re-exports the real one.
        b.onResolve({ filter: /\/data\/core-pack$/ }, (args) => (args.importer.endsWith(path.join('background', 'builtin-kb.ts')) ? { path: 'bench-pack', namespace: 'bench-pack' } : undefined));
        b.onLoad({ filter: /.*/, namespace: 'bench-pack' }, () => ({
          resolveDir: repoRoot,
          loader: 'ts',
          contents: `import { CORE_PACK_FILES as real } from ${JSON.stringify(corePack)};\nimport generated from ${JSON.stringify(packFile)};\n` +
            'export const CORE_PACK_FILES = { ...real, "bench-generated.json": generated };\n',
        }));
      },
    };
    plugins.push(plugin);
  }
  // background.js from the same source as content.js, whatever dist/chrome was built from.
  await build({ ...OPTIONS, absWorkingDir: repoRoot, entryPoints: { background: 'src/background/index.ts' }, outdir: out, plugins });
  return out;
}

/** Whether dist/chrome/content.js is what this run measures (false if src/ changed since `npm run build`). */
export async function sameAsDist(repoRoot, dir, file = 'content.js') {
  const [a, b] = await Promise.all([readFile(path.join(repoRoot, 'dist/chrome', file)), readFile(path.join(dir, file))]);
  return a.equals(b);
}

/**
 * The whole extension as it was at git revision `rev` (its own build.mjs, manifest, background and
 * content script), built in a temp directory for a before/after comparison in one run. Returns
 * the unpacked Chromium extension's directory; `content.js.map` is added for traced attribution.
 */
export async function buildBaselineDist(repoRoot, rev, name = 'baseline') {
  const { execFileSync } = await import('node:child_process');
  const { symlink } = await import('node:fs/promises');
  const tree = path.join(BENCH_DIST_ROOT, `${name}-src`);
  await rm(tree, { recursive: true, force: true });
  await mkdir(tree, { recursive: true });
  const tar = execFileSync('git', ['archive', rev], { cwd: repoRoot, maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', tree], { input: tar });
  await symlink(path.join(repoRoot, 'node_modules'), path.join(tree, 'node_modules'));
  execFileSync('node', ['build.mjs'], { cwd: tree, stdio: 'ignore' });
  const out = path.join(tree, 'dist/chrome');
  await build({ ...OPTIONS, absWorkingDir: tree, entryPoints: { content: 'src/content/index.ts' }, outdir: out, sourcemap: 'external' });
  return out;
}
