// Bench-only builds of the Chromium extension, written to a temp directory (never into dist/):
// dist/chrome copied as is (its manifest untouched), with the content scripts and background.js
// rebuilt from the current source with build.mjs's options — every content script build.mjs has
// (content.js, and content-session.js, content-ui.js where they exist) with an external source map
// (the same bytes; the maps are for the trace's attribution), background.js with the built-in pack
// extended by generated entities for the 10k / 50k variants. Every variant of a run comes from one source state.

import { build } from 'esbuild';
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildContentWithMaps, CHROME_OPTIONS as OPTIONS, contentFiles, differingFiles } from './content-builds.mjs';

export const BENCH_DIST_ROOT = path.join(os.tmpdir(), 'sound-familiar-bench-dist');

/**
 * `entities`: extra pack entities ({id, kind, name, aliases}) appended to the core pack as one more
 * file, or null for the shipped pack. Returns the unpacked extension's directory.
 */
export async function buildBenchDist(repoRoot, name, entities) {
  const out = path.join(BENCH_DIST_ROOT, name);
  await rm(out, { recursive: true, force: true });
  await mkdir(BENCH_DIST_ROOT, { recursive: true });
  await cp(path.join(repoRoot, 'dist/chrome'), out, { recursive: true });
  // The content scripts again with external maps: the same bytes as dist's (checked by the caller), plus <file>.map each.
  await buildContentWithMaps(repoRoot, out);
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

/**
 * The content scripts (of those the source builds) that differ from dist/chrome's, i.e. that this
 * run measures rebuilt from newer source (src/ changed since `npm run build`); [] if all match.
 */
export function contentDifferingFromDist(repoRoot, dir) {
  return differingFiles(path.join(repoRoot, 'dist/chrome'), dir, contentFiles(repoRoot));
}

/**
 * The whole extension as it was at git revision `rev` (its own build.mjs, manifest, background and
 * content scripts), built in a temp directory for a before/after comparison in one run. Returns
 * the unpacked Chromium extension's directory; a map is added beside each content script its
 * build.mjs has, for traced attribution (rebuilt with our options: a warning if any bytes differ).
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
  const own = path.join(tree, 'dist/own-content');
  const files = contentFiles(tree);
  await mkdir(own, { recursive: true });
  for (const f of files) await cp(path.join(out, f), path.join(own, f));
  await buildContentWithMaps(tree, out);
  const differing = await differingFiles(own, out, files);
  if (differing.length) console.warn(`bench-dist: ${rev}'s ${differing.join(', ')} rebuilt with a map differ from its own build.mjs's (its build options changed?)`);
  return out;
}
