// `node bench/page-load/highlight-rules.mjs [--rounds=5] [--pages=a,b]`: what highlights.css costs a
// loaded page's style in Chromium, as each browser's build writes it (scripts/highlight-css.mjs):
// rules on :root that every element inherits (Chromium's copy) against the same rules on every
// element (Firefox's copy), and no stylesheet. Per corpus page, a fresh tab per variant, the
// variants interleaved in every round: (1) the insertion, the forced style update after the sheet
// is added, as when a frame gets the file at its first highlight; (2) one full restyle afterwards
// (a custom property set on :root, so every element's style is computed again), the median of
// five. Prints medians over the rounds; writes nothing.

import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { highlightStylesFor } from '../../scripts/highlight-css.mjs';
import { launch } from '../browser.mjs';
import { median } from '../stats.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const rounds = Number(arg('rounds', 5));
const pages = arg('pages', 'wikipedia-2,yahoo-2,guardian-1,nytimes-4,msn,bbc-1').split(',');
const source = await readFile(path.join(repoRoot, 'src/content/highlight/highlights.css'), 'utf8');
const variants = { none: '', 'rules on :root (Chromium build)': highlightStylesFor(source, 'chrome'), 'rules on every element (Firefox build)': highlightStylesFor(source, 'firefox') };

console.log(`load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}; ${rounds} rounds`);
const { browser, context } = await launch();
for (const name of pages) {
  const html = await readFile(path.resolve(repoRoot, '../shared/corpus/pages', `${name}.html`), 'utf8');
  const url = `https://www.gov.uk/government/news/${name}`;
  const samples = Object.fromEntries(Object.keys(variants).map((v) => [v, { insert: [], restyle: [] }]));
  for (let round = 0; round < rounds; round++) {
    const order = Object.keys(variants);
    if (round % 2) order.reverse();
    for (const variant of order) {
      const page = await context.newPage();
      await page.route(url, (r) => r.fulfill({ status: 200, body: html, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "script-src 'none'" } }));
      await page.route((u) => u.toString() !== url, (r) => r.abort());
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForTimeout(200);
      const r = await page.evaluate(restyleCosts, variants[variant]);
      samples[variant].insert.push(r.insert);
      samples[variant].restyle.push(r.restyle);
      await page.close();
    }
  }
  const cells = Object.entries(samples).map(([v, s]) => `${v}: insertion ${median(s.insert).toFixed(1)} ms, full restyle ${median(s.restyle).toFixed(1)} ms`);
  console.log(`${name}\n  ${cells.join('\n  ')}`);
}
await browser.close();

/** In the page: the forced style update after adding `sheet` (if any), then the median of five full restyles. */
function restyleCosts(sheet) {
  const root = document.documentElement;
  const styleNow = () => getComputedStyle(document.body).getPropertyValue('--bench-restyle');
  styleNow();
  let t0 = performance.now();
  if (sheet) {
    const style = document.createElement('style');
    style.textContent = sheet;
    document.head.append(style);
  }
  styleNow();
  const insert = performance.now() - t0;
  const times = [];
  for (let i = 0; i < 5; i++) {
    root.style.setProperty('--bench-restyle', String(i));
    t0 = performance.now();
    styleNow();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { insert, restyle: times[2] };
}
