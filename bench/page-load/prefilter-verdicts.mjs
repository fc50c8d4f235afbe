// `node bench/page-load/prefilter-verdicts.mjs [--pages=a,b] [--rev=<git rev>] [--hits=N]`: what the
// first scan's whole-page prefilter answers on the page-load bench's pages at the shipped dictionary,
// and why. Per page, in Chromium (the page as bench:load serves it: scripts blocked, nothing else
// loaded): the verdict; what the walk and matcher find there (the verdict the prefilter may not
// undercut); how many of the kept text's starts pass the key tables and cost a trie walk; and every
// alias the trie finds in the kept text, with the page's text around it (so a near-match that joins
// words or blocks shows as such), its flags and its entity. `--rev`: the prefilter, scanned text and
// dictionary of another revision (a git worktree-free copy by `git archive`), to compare verdicts.
// Nothing is written to BENCHMARKS.md.

import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const argv = process.argv.slice(2);
const arg = (name, fallback) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const PAGES = arg('pages', 'yahoo-2,guardian-1,wikipedia-2,nytimes-4,msn,bbc-1,local-digital,ministers,platforms').split(',');
const HITS = Number(arg('hits', 8));
const rev = arg('rev', null);

/** The tree whose code is diagnosed: this one, or `rev` unpacked into a temp directory. */
async function sourceTree() {
  if (!rev) return repoRoot;
  const tree = path.join(os.tmpdir(), 'sound-familiar-prefilter-verdicts', rev);
  await rm(tree, { recursive: true, force: true });
  await mkdir(tree, { recursive: true });
  execFileSync('tar', ['-x', '-C', tree], { input: execFileSync('git', ['archive', rev], { cwd: repoRoot, maxBuffer: 1 << 30 }) });
  await symlink(path.join(repoRoot, 'node_modules'), path.join(tree, 'node_modules'));
  return tree;
}

// Runs in the page. The trie is walked from every kept character, as the prefilter's own walk does
// (a space edge skipped, an alias ending before or after one), collecting every alias found.
const ENTRY = `
import { loadDictionary } from './src/content/scan/loaded-dictionary';
import { prefilter, SKIPPED } from './src/shared/matcher/prefilter';
import { scannedText } from './src/content/scan/scanned-text';
import { aliasStarts } from './src/shared/matcher/starts';
import { LONG_MASK, unit } from './src/shared/matcher/start-keys';
import { textBlocks } from './src/content/scan/text-blocks';
import { matchBlock } from './src/content/scan/block-matches';
import { step } from './src/shared/matcher/automaton';
import { foldedChar, SPACE } from './src/shared/normalise';
import { kbDictionary } from './test/unit/helpers/kb';

const UI = 'SOUND-FAMILIAR-UI';
const packed = kbDictionary();
globalThis.diagnose = () => {
  const dict = loadDictionary(packed);
  const s = dict.searcher;
  const a = s.automaton;
  const name = (v) => { const e = a.variantEntity[v]; return e < dict.entities.length ? dict.entities[e].name : 'title ' + dict.titles[e - dict.entities.length]?.title; };
  let t = performance.now();
  const text = scannedText(document.body, UI);
  const scannedMs = performance.now() - t;
  t = performance.now();
  const verdict = prefilter(s, text);
  const prefilterMs = performance.now() - t;
  // Kept text and where each kept character was in the scanned text.
  const at = [];
  let kept = '';
  const skip = new RegExp(SKIPPED.source, 'y');
  for (let i = 0; i < text.length;) {
    skip.lastIndex = i;
    if (skip.test(text)) { i = skip.lastIndex; continue; }
    at.push(i); kept += text[i]; i++;
  }
  const hits = [];
  const visit = (start, j, node) => {
    for (;;) {
      const space = step(a, node, SPACE);
      for (const nd of [node, space]) {
        if (nd > 0 && a.nodePattern[nd] >= 0) {
          const p = a.nodePattern[nd];
          const vs = [];
          for (let v = a.patternVariantStart[p]; v < a.patternVariantStart[p + 1]; v++) vs.push({ flags: a.variantFlags[v], exact: a.variantExact[v], entity: name(v) });
          hits.push({ start, end: j, variants: vs });
        }
      }
      if (j >= kept.length) return;
      const c = foldedChar(kept.charCodeAt(j++));
      if (space > 0) { const via = step(a, space, c); if (via > 0) visit(start, j, via); }
      node = step(a, node, c);
      if (node < 0) return;
    }
  };
  for (let i = 0; i < kept.length; i++) visit(i, i, 0);
  // Starts the key sets let through to a walk (the prefilter's own test, over the whole text).
  const st = aliasStarts(a);
  let walked = 0;
  if (st) {
    const u = (i) => unit(i < kept.length ? foldedChar(kept.charCodeAt(i)) : 0);
    const bit = (bits, k) => bits[k >> 3] & (1 << (k & 7));
    for (let i = 0; i < kept.length; i++) {
      const k3 = (u(i) * 31 + u(i + 1)) * 31 + u(i + 2);
      if (bit(st.short, k3) || bit(st.long, ((k3 * 31 + u(i + 3)) * 31 + u(i + 4)) & LONG_MASK)) walked++;
    }
  }
  const found = [];
  let blocks = 0, blockChars = 0;
  for (const b of textBlocks(document.body, UI)) {
    blocks++; blockChars += b.text.length;
    for (const m of matchBlock(s, b)) found.push({ text: m.range.startContainer === m.range.endContainer ? m.range.startContainer.data.slice(m.range.startOffset, m.range.endOffset) : '(spans nodes)', variants: m.variants.map((v) => ({ flags: a.variantFlags[v], entity: name(v) })) });
  }
  const shown = hits.map((h) => {
    const from = at[h.start], to = h.end > h.start ? at[h.end - 1] + 1 : from;
    return { ...h, context: JSON.stringify(text.slice(Math.max(0, from - 25), from) + '[' + text.slice(from, to) + ']' + text.slice(to, to + 25)) };
  });
  return { verdict, scannedMs, prefilterMs, textChars: text.length, keptChars: kept.length, walked, blocks, blockChars, found, hits: shown, patterns: a.patternVariantStart.length - 1 };
};
`;

const tree = await sourceTree();
const bundle = await build({ stdin: { contents: ENTRY, resolveDir: tree, loader: 'ts' }, bundle: true, format: 'iife', write: false, target: ['chrome120'], logLevel: 'warning', define: { 'process.env.NODE_ENV': '"production"' } });
const code = bundle.outputFiles[0].text;
const htmlOf = async (name) => {
  try {
    return await readFile(path.join(here, 'fixtures', `${name}.html`), 'utf8');
  } catch {
    return readFile(path.resolve(repoRoot, '../shared/corpus/pages', `${name}.html`), 'utf8');
  }
};
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
const flagNames = (f) => ['CASE', 'CONTEXT', 'DOMAIN', 'PRIVATE', 'NOT_A_NAME', 'EVERYDAY'].filter((_, i) => f & (1 << i)).join('|') || '-';
console.log(`source: ${rev ?? 'working tree'}`);
for (const p of PAGES) {
  const page = await browser.newPage();
  const html = await htmlOf(p);
  await page.route('**/*', (r) => (r.request().url() === 'https://www.gov.uk/x' ? r.fulfill({ status: 200, body: html, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "script-src 'none'" } }) : r.abort()));
  await page.goto('https://www.gov.uk/x');
  await page.evaluate(code);
  const d = await page.evaluate(() => globalThis.diagnose());
  const walkedVerdict = d.found.some((m) => m.variants.some((v) => !(v.flags & 2))) ? 'maybe' : d.found.length ? 'context-only' : 'none';
  console.log(`\n${p}: prefilter ${d.verdict} (walk and matcher: ${walkedVerdict}, ${d.found.length} matches); scanned ${d.textChars} chars, kept ${d.keptChars}; ` +
    `starts walked ${d.walked} (${((100 * d.walked) / Math.max(1, d.keptChars)).toFixed(1)}%); ${d.blocks} blocks, ${d.blockChars} chars; ` +
    `in-page first call: scannedText ${d.scannedMs.toFixed(1)} ms, prefilter ${d.prefilterMs.toFixed(1)} ms; ${d.patterns} patterns`);
  const live = d.hits.filter((h) => h.variants.some((v) => !(v.flags & 16)));
  console.log(`  trie hits in the kept text: ${d.hits.length} (${live.length} with a variant that is not NOT_A_NAME)`);
  for (const h of live.slice(0, HITS)) console.log(`   ${h.context}  ${h.variants.map((v) => `${v.entity} [${flagNames(v.flags)}${v.exact ? ` "${v.exact}"` : ''}]`).join('; ')}`);
  for (const m of d.found.slice(0, HITS)) console.log(`  matcher: ${JSON.stringify(m.text)} ${m.variants.map((v) => `${v.entity} [${flagNames(v.flags)}]`).join('; ')}`);
  await page.close();
}
await browser.close();
