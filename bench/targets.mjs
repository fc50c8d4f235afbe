// The issue's targets, judged from one run's results: each with its measured value, the bar it
// must clear, and pass/fail. Reported, never asserted.

import { median } from './stats.mjs';

const find = (records, q) => records.find((r) => Object.entries(q).every(([k, v]) => r[k] === v));
const MB = 1024 * 1024;

export function judgeTargets(results) {
  const { records, build, memory, bundle } = results;
  const out = [];
  const add = (name, value, bar, pass, detail = '') => out.push({ name, value, bar, pass, detail });

  const ours2 = find(records, { page: 'gen-2mb', dictionary: '10k', engine: 'ours' });
  const mark2 = find(records, { page: 'gen-2mb', dictionary: '10k', engine: 'markjs-regexp' });
  if (ours2?.endToEndMs && mark2?.endToEndMs) {
    const ratio = mark2.endToEndMs / ours2.endToEndMs;
    const cold = mark2.coldEndToEndMs && ours2.coldEndToEndMs ? mark2.coldEndToEndMs / ours2.coldEndToEndMs : null;
    add('End-to-end, 2 MB page, 10k aliases: ours vs mark.js markRegExp', `${ratio.toFixed(1)}× faster`, '≥ 10×', ratio >= 10,
      `warm medians ${fmt(ours2.endToEndMs)} vs ${fmt(mark2.endToEndMs)} ms${cold ? `; cold ${cold.toFixed(1)}×` : ''}`);
  }

  if (ours2?.firstVisibleMs && mark2?.endToEndMs) {
    // Ours as the content script runs (warm): the frame that paints every mention on screen; mark.js has painted nothing before its end.
    const ratio = mark2.endToEndMs / ours2.firstVisibleMs;
    add('Mentions on screen painted, 2 MB page, 10k aliases: ours (live) vs mark.js markRegExp end to end', `${ratio.toFixed(1)}× sooner`, '≥ 10×', ratio >= 10,
      `firstVisibleMs ${fmt(ours2.firstVisibleMs)} vs endToEndMs ${fmt(mark2.endToEndMs)} (warm medians); ours' whole live scan to its painted frame ${fmt(ours2.liveMs)} ms`);
  }

  // Ours as the content script runs it, to the frame that paints its last highlight, against the
  // RegExp engine's live path on the same page and dictionary (warm medians). Judged on the pairs
  // where ours painted something (on the others there is no highlight to wait for); single pairs
  // scatter by a few ms, so the bar is on their median, and the worst is in the detail.
  const livePairs = records.filter((r) => r.engine === 'ours' && !r.page.startsWith('gen-') && r.liveMs).map((r) => {
    const re = find(records, { page: r.page, dictionary: r.dictionary, engine: 'regexp' });
    return re?.liveMs ? { label: `${r.page} ${r.dictionary}`, ratio: r.liveMs / re.liveMs, ours: r.liveMs, re: re.liveMs, firstVisible: r.firstVisibleMs, painted: r.liveShown > 0 } : null;
  }).filter(Boolean).sort((a, b) => a.ratio - b.ratio);
  const painted = livePairs.filter((x) => x.painted);
  if (painted.length) {
    const ratio = median(painted.map((x) => x.ratio));
    const worst = painted.at(-1);
    const dark = livePairs.filter((x) => !x.painted);
    add('Highlights painted, live path, corpus pages (every dictionary): ours vs the RegExp engine live, median pair', `${ratio.toFixed(2)}×`, '≤ 1×', ratio <= 1,
      `${painted.length} page × dictionary pairs where ours painted highlights, ${painted.filter((x) => x.ratio <= 1).length} no slower; worst ${worst.label} ${worst.ratio.toFixed(2)}× (${fmt(worst.ours)} vs ${fmt(worst.re)} ms${worst.firstVisible ? `; ours painted the mentions on screen at ${fmt(worst.firstVisible)} ms` : ''})` +
      `${dark.length ? `; on the ${dark.length} pairs where it painted none, median ${median(dark.map((x) => x.ratio)).toFixed(2)}×` : ''}`);
  }

  const findRatios = records.filter((r) => r.engine === 'ours' && r.dictionary === '10k').map((r) => {
    const floor = find(records, { page: r.page, dictionary: '10k', engine: 'floor' });
    return floor?.findMs ? { page: r.page, ratio: r.findMs / floor.findMs, ours: r.findMs, floor: floor.findMs } : null;
  }).filter(Boolean);
  // The issue sets this bar on the 2 MB generated page; the corpus pages are listed beside it. Their
  // floors are under a millisecond (little text in a lot of markup), so there the fixed cost of
  // starting a scan, not the matching, sets the ratio.
  const onTarget = findRatios.find((x) => x.page === 'gen-2mb');
  if (onTarget) {
    add('Find phase, 2 MB page, 10k aliases, vs the floor (TreeWalker reading every text node)', `${onTarget.ratio.toFixed(1)}×`, '≤ 10×', onTarget.ratio <= 10,
      findRatios.map((x) => `${x.page} ${x.ratio.toFixed(1)}× (${fmt(x.ours)} / ${fmt(x.floor)} ms)`).join('; '));
  }

  const re2 = find(records, { page: 'gen-2mb', dictionary: '10k', engine: 'regexp' });
  if (ours2?.incrementalCpuMs && re2?.incrementalCpuMs) {
    // CPU, not wall time: ours' wall time also holds its settle timer, the page's layout of what was
    // added and the yields between its slices, none of which is work of ours.
    const ratio = ours2.incrementalCpuMs / re2.incrementalCpuMs;
    add('Appended content, CPU, ours vs RegExp engine on the added subtree (2 MB page, 10k aliases, 500 paragraphs)', `${ratio.toFixed(2)}×`, '≤ 2×', ratio <= 2,
      `main-thread CPU outside style/layout/paint ${fmt(ours2.incrementalCpuMs)} vs ${fmt(re2.incrementalCpuMs)} ms (medians); wall time to processed ${fmt(ours2.incrementalMs)} vs ${fmt(re2.incrementalMs)} ms`);
  }

  const gen = records.filter((r) => r.engine === 'ours' && r.recall !== null);
  if (gen.length) {
    const minR = Math.min(...gen.map((r) => r.recall), ...gen.map((r) => r.liveRecall ?? 1));
    const minP = Math.min(...gen.map((r) => r.precision), ...gen.map((r) => r.livePrecision ?? 1));
    add('Recall and precision on generated pages (every dictionary, find and live paths)', `recall ${pct(minR)}, precision ${pct(minP)} (minimum)`, '100%', minR === 1 && minP === 1,
      `${gen.length} page × dictionary combinations`);
  }
  const arr = find(records, { page: 'gen-2mb', dictionary: '10k', engine: 'markjs-array' });
  if (arr?.recallByForm) {
    const f = arr.recallByForm;
    add('mark.js mark(array, exactly) misses possessives and split names (2 MB page)', `possessive ${pct(f.possessive)}, split ${pct(f.split)}, overall ${pct(arr.recall)}`, 'shown', (f.possessive ?? 1) < 1 && (f.split ?? 1) < 1,
      `plain ${pct(f.plain)}, typographic ${pct(f.typographic)}; precision ${pct(arr.precision)}`);
  }

  const corpus = records.filter((r) => r.engine === 'ours' && !r.page.startsWith('gen-') && r.longestTaskMs !== null);
  if (corpus.length) {
    const worst = corpus.reduce((a, b) => (b.longestTaskMs > a.longestTaskMs ? b : a));
    add('Longest main-thread task caused by ours on corpus pages (8 ms slices, any dictionary)', `${fmt(worst.longestTaskMs)} ms (${worst.page}, ${worst.dictionary})`, '≤ 50 ms', worst.longestTaskMs <= 50,
      `script ${fmt(worst.longestScriptTaskMs)} ms, rendering ${fmt(worst.longestRenderTaskMs)} ms`);
  }

  if (build?.['50k']) {
    // Judged where the extension builds it, the background in Chromium; Node's time is beside it.
    const b = build['50k'];
    const ms = b.browserWarmBuildMs ?? b.warmBuildMs;
    add('Dictionary build, 50k aliases, in Chromium', `${fmt(ms)} ms warm median (cold ${fmt(b.browserColdBuildMs)} ms)`, '≤ 300 ms', ms <= 300,
      `in Node ${fmt(b.warmBuildMs)} ms warm (cold ${fmt(b.coldBuildMs)} ms)`);
  }
  if (memory?.['10k']?.ours) {
    const m = memory['10k'].ours.bytes;
    add('Per-tab memory of the loaded dictionary, 10k aliases', `${(m / MB).toFixed(2)} MB`, '≤ 5 MB', m <= 5 * MB,
      `packed message ${(build?.['10k']?.packedBytes / MB).toFixed(2)} MB of JSON`);
  }
  if (bundle && !bundle.error) {
    // The script every page loads; what a page that names something loads besides is in the detail.
    const onWake = (bundle.onWake ?? []).map((b) => `${b.file.replace('dist/chrome/', '')} ${(b.gzipBytes / 1024).toFixed(1)} KB`).join(', ');
    add('Content script size, dist/chrome/content.js min+gzip', `${(bundle.gzipBytes / 1024).toFixed(1)} KB`, '≤ 30 KB', bundle.gzipBytes <= 30 * 1024,
      `${(bundle.minBytes / 1024).toFixed(1)} KB minified${onWake ? `; injected on need (min+gzip): ${onWake}` : ''}`);
  } else if (bundle?.error) {
    add('Content script size, dist/chrome/content.js min+gzip', 'build failed', '≤ 30 KB', false, bundle.error.split('\n')[0]);
  }
  return out;
}

export const fmt = (x) => (x === null || x === undefined ? '–' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
export const pct = (x) => (x === null || x === undefined ? '–' : `${(100 * x).toFixed(x === 1 ? 0 : 1)}%`);
