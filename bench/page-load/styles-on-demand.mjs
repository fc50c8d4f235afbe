// `node bench/page-load/styles-on-demand.mjs [--old=<rev>] [--new=<rev>] [--rounds=5] [--pages=a,b]`:
// the real extension with highlights.css declared in the manifest (old) against the one that adds
// it to a frame only at its first highlight (new, 'page/styles'). Two numbers, interleaved loads:
// (1) CPU of one full restyle of a loaded page (floor-dom.mjs restyleCost: ThreadTime over 20
// forced restyles), medians per page; (2) on pages with mentions, time from the first highlight
// in CSS.highlights to the first frame in which the page's style gives it our colours (read each
// animation frame by an init script in the page's world; CSS.highlights is the page's registry).
// Builds go to a private temp directory.

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const privateTmp = await mkdtemp(path.join(os.tmpdir(), 'sound-familiar-styles-'));
process.env.TMPDIR = privateTmp;
const { buildBaselineDist } = await import('./bench-dist.mjs');
const { launchVariant, untilQuiet } = await import('./browsers.mjs');
const { restyleCost } = await import('./floor-dom.mjs');

const argv = process.argv.slice(2);
const arg = (name, fallback) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const rounds = Number(arg('rounds', 5));
const revs = { old: arg('old', 'HEAD~1'), new: arg('new', 'HEAD') };
const names = arg('pages', 'wikipedia-2,guardian-1,local-digital,ministers').split(',');
const urlOf = (name) => `https://www.gov.uk/government/news/${name}`;
const pages = [];
for (const name of names) {
  const corpus = path.resolve(repoRoot, '../shared/corpus/pages', `${name}.html`);
  const fixture = path.join(here, 'fixtures', `${name}.html`);
  pages.push({ name, html: await readFile(corpus, 'utf8').catch(() => readFile(fixture, 'utf8')) });
}
const served = new Map(pages.map((p) => [urlOf(p.name), p.html]));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

/** In the page's world from its start: when our first highlight is registered, and when it first shows our style. */
function watchFirstPaint() {
  const seen = { registered: null, styled: null };
  globalThis.__sfFirstPaint = seen;
  const tick = (now) => {
    const ours = [...CSS.highlights.keys()].find((k) => k.startsWith('sound-familiar-'));
    if (ours && seen.registered === null) seen.registered = now;
    if (ours && getComputedStyle(document.body, `::highlight(${ours})`).textDecorationLine !== 'none') seen.styled = now;
    if (seen.styled === null) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

async function firstPaint(v, url) {
  const page = await v.context.newPage();
  try {
    await page.addInitScript(watchFirstPaint);
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    const cdp = await v.context.newCDPSession(page);
    await untilQuiet(cdp, { windowMs: 1000 });
    return await page.evaluate(() => globalThis.__sfFirstPaint);
  } finally {
    await page.close();
  }
}

try {
  const dirs = { old: await buildBaselineDist(repoRoot, revs.old, 'styles-old'), new: await buildBaselineDist(repoRoot, revs.new, 'styles-new') };
  const variants = [await launchVariant('old', dirs.old, served), await launchVariant('new', dirs.new, served)];
  console.log(`old ${revs.old}, new ${revs.new}; ${rounds} rounds; load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  const restyle = {};
  const paint = {};
  for (let r = 0; r < rounds; r++) {
    for (const p of pages) {
      for (const v of r % 2 ? [...variants].reverse() : variants) {
        ((restyle[p.name] ??= {})[v.name] ??= []).push((await restyleCost(v, urlOf(p.name))).threadMs);
        const fp = await firstPaint(v, urlOf(p.name));
        if (fp?.registered != null) ((paint[p.name] ??= {})[v.name] ??= []).push(fp.styled === null ? Infinity : fp.styled - fp.registered);
      }
    }
  }
  for (const v of variants) await v.context.close();
  console.log('| page | restyle CPU old (ms) | new (ms) | new / old | first highlight to styled frame, old / new (ms, median) |');
  console.log('|---|---|---|---|---|');
  for (const p of pages) {
    const o = median(restyle[p.name].old);
    const n = median(restyle[p.name].new);
    const fp = paint[p.name] ? `${median(paint[p.name].old ?? [NaN]).toFixed(0)} / ${median(paint[p.name].new ?? [NaN]).toFixed(0)}` : 'no highlights';
    console.log(`| ${p.name} | ${o.toFixed(1)} | ${n.toFixed(1)} | ${(n / o).toFixed(2)} | ${fp} |`);
  }
  console.log(`load average at end ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  console.log(JSON.stringify({ restyle, paint }));
} finally {
  await rm(privateTmp, { recursive: true, force: true });
}
