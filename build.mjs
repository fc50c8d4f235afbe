// Builds the unpacked extensions: dist/chrome and dist/firefox, one esbuild bundle per entry
// point, and a manifest and highlights.css derived per browser from one source each. `--watch`
// rebuilds the bundles on change.

import { build, context } from 'esbuild';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { highlightStylesFor } from './scripts/highlight-css.mjs';
import { forChrome, forFirefox } from './scripts/manifests.mjs';

const watch = process.argv.includes('--watch');
// nativeBrowser: the browser has the promise-based `browser` namespace in every context, so the
// polyfill (src/platform/browser.ts) is left out. Firefox always has; Chromium from 148 only.
const targets = {
  chrome: { target: ['chrome120'], manifest: forChrome, nativeBrowser: false },
  firefox: { target: ['firefox140'], manifest: forFirefox, nativeBrowser: true },
};

const entryPoints = {
  background: 'src/background/index.ts',
  content: 'src/content/index.ts',
  // The scanner, matcher and page features: injected once a page has claims or could name something (src/content/lazy).
  'content-session': 'src/content/session-entry.ts',
  // The card, editor frame, record button and claim placing: injected on first need (src/content/lazy).
  'content-ui': 'src/content/ui-entry.ts',
  popup: 'src/ui/popup/index.tsx',
  editor: 'src/ui/editor/index.tsx',
  claims: 'src/ui/claims/index.tsx',
  options: 'src/ui/options/index.tsx',
};

/** @type {[string, string][]} */
const staticFiles = [
  ['src/ui/popup/popup.html', 'popup.html'],
  ['src/ui/popup/popup.css', 'popup.css'],
  ['src/ui/welcome/welcome.html', 'welcome.html'],
  ['src/ui/editor/editor.html', 'editor.html'],
  ['src/ui/editor/editor.css', 'editor.css'],
  ['src/ui/claims/claims.html', 'claims.html'],
  ['src/ui/claims/claims.css', 'claims.css'],
  ['src/ui/options/options.html', 'options.html'],
  ['src/ui/options/options.css', 'options.css'],
  ['src/ui/welcome/welcome.css', 'welcome.css'],
  ['icons', 'icons'],
];

async function buildTarget(name, { target, manifest, nativeBrowser }) {
  const outdir = `dist/${name}`;
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  const source = JSON.parse(await readFile('manifest.json', 'utf8'));
  const version = JSON.parse(await readFile('package.json', 'utf8')).version;
  await writeFile(`${outdir}/manifest.json`, JSON.stringify(manifest({ ...source, version }), null, 2));
  for (const [from, to] of staticFiles) await cp(from, `${outdir}/${to}`, { recursive: true });
  await writeFile(`${outdir}/highlights.css`, highlightStylesFor(await readFile('src/content/highlight/highlights.css', 'utf8'), name));
  /** @type {import('esbuild').BuildOptions} */
  const options = {
    entryPoints,
    outdir,
    bundle: true,
    format: 'iife',
    target,
    minify: !watch,
    sourcemap: watch ? 'inline' : false,
    legalComments: 'none',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': watch ? '"development"' : '"production"', 'globalThis.SF_NATIVE_BROWSER': String(nativeBrowser) },
  };
  if (watch) {
    const ctx = await context(options);
    await ctx.watch();
  } else {
    await build(options);
  }
}

/** The command-line tool: the same sync code, bundled for Node. */
async function buildCli() {
  await build({
    entryPoints: ['src/cli/index.ts'], outfile: 'dist/cli.mjs', bundle: true, platform: 'node', format: 'esm',
    target: ['node20'], logLevel: 'warning', legalComments: 'none',
  });
}

await Promise.all([...Object.entries(targets).map(([name, t]) => buildTarget(name, t)), ...(watch ? [] : [buildCli()])]);
console.log(watch ? 'Watching src/ for changes…' : 'Built dist/chrome and dist/firefox');
