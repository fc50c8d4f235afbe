// Summarises bench/page-load/floor.mjs's loads and writes its section of BENCHMARKS.md (between
// page-load-floor markers, right after the page-load section). Every added cost is a with-minus-
// without difference paired by round (the loads of a round ran back to back), then the median over
// rounds per page; a ladder step is the same between two neighbouring builds.

import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { replaceSection, sectionMarkers } from '../marked-section.mjs';
import { median } from '../stats.mjs';
import { END as PAGE_LOAD_END } from './report.mjs';
import { LADDER } from './floor-variants.mjs';

/** This file's section of BENCHMARKS.md (bench/marked-section.mjs). */
const SECTION = 'page-load-floor';
const { start: START, end: END } = sectionMarkers(SECTION);
const STEPS = LADDER.filter((s) => s.name !== 'none');
const f = (x, d = 1) => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(d) : '–');
const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length });
const range = (s) => (s?.n ? `${f(s.median)} (${f(s.min)} to ${f(s.max)})` : '–');

/** Per round, a.delta[key] − b.delta[key] for one page. */
function paired(samples, page, a, b, key) {
  const out = [];
  for (const s of samples.filter((x) => x.page === page && x.variant === a)) {
    const o = samples.find((x) => x.page === page && x.variant === b && x.round === s.round);
    if (o) out.push(key(s) - key(o));
  }
  return out;
}

const METRICS = {
  threadMs: (s) => s.delta.threadMs,
  cpuMs: (s) => s.delta.cpuMs,
  styleLayoutMs: (s) => s.delta.styleMs + s.delta.layoutMs,
  styleMs: (s) => s.delta.styleMs,
  layoutMs: (s) => s.delta.layoutMs,
  styleCount: (s) => s.delta.styleCount,
  compileMs: (s) => s.delta.compileMs,
};

export function summariseFloor({ samples, traces, dom, restyle = {}, pages, meta }) {
  const perPage = {};
  for (const p of pages) {
    perPage[p.name] = { kind: p.kind, bytes: Buffer.byteLength(p.html), alone: {}, added: {}, step: {} };
    const base = samples.filter((s) => s.page === p.name && s.variant === 'none');
    for (const [k, fn] of Object.entries(METRICS)) perPage[p.name].alone[k] = median(base.map(fn));
    STEPS.forEach((step, i) => {
      const below = LADDER[i].name;
      perPage[p.name].added[step.name] = Object.fromEntries(Object.entries(METRICS).map(([k, fn]) => [k, stats(paired(samples, p.name, step.name, 'none', fn))]));
      perPage[p.name].step[step.name] = Object.fromEntries(['threadMs', 'cpuMs'].map((k) => [k, stats(paired(samples, p.name, step.name, below, METRICS[k]))]));
    });
    // css − empty paired directly (not through none, which would add its noise twice).
    perPage[p.name].cssVsEmpty = Object.fromEntries(['styleMs', 'layoutMs', 'styleCount', 'threadMs'].map((k) => [k, stats(paired(samples, p.name, 'css', 'empty', METRICS[k]))]));
    perPage[p.name].checks = Object.fromEntries(STEPS.map((s) => {
      const mine = samples.filter((x) => x.page === p.name && x.variant === s.name);
      return [s.name, { enabled: [...new Set(mine.map((x) => x.enabled))], mentions: median(mine.map((x) => x.mentions)), quietTimeouts: mine.filter((x) => x.quietTimedOut).length }];
    }));
  }
  const overPages = (fn) => {
    const rows = pages.map((p) => ({ page: p.name, v: fn(perPage[p.name]) })).filter((r) => typeof r.v === 'number');
    const worst = rows.reduce((w, r) => (r.v > w.v ? r : w), rows[0]);
    return { median: median(rows.map((r) => r.v)), min: Math.min(...rows.map((r) => r.v)), max: worst?.v, worstPage: worst?.page, n: rows.length };
  };
  const overall = Object.fromEntries(STEPS.map((s) => [s.name, {
    threadMs: overPages((pg) => pg.added[s.name].threadMs.median),
    cpuMs: overPages((pg) => pg.added[s.name].cpuMs.median),
    styleLayoutMs: overPages((pg) => pg.added[s.name].styleLayoutMs.median),
    stepThreadMs: overPages((pg) => pg.step[s.name].threadMs.median),
    stepCpuMs: overPages((pg) => pg.step[s.name].cpuMs.median),
    corpusThreadMs: median(pages.filter((p) => p.kind === 'corpus').map((p) => perPage[p.name].added[s.name].threadMs.median)),
    fixtureThreadMs: median(pages.filter((p) => p.kind === 'fixture').map((p) => perPage[p.name].added[s.name].threadMs.median)),
  }]));
  const traced = {};
  for (const [v, byPage] of Object.entries(traces)) {
    traced[v] = {};
    for (const [page, runs] of Object.entries(byPage)) {
      const ok = runs.filter((t) => !t.error);
      const m = (fn) => median(ok.map(fn));
      const js = (t) => Object.entries(t.buckets).filter(([k]) => !['parse/compile', 'GC', 'forced style/layout', 'native (bindings, message deserialisation)', 'other'].includes(k)).reduce((n, [, x]) => n + x, 0);
      traced[v][page] = ok.length ? {
        runs: ok.length, taskMs: m((t) => t.extensionTaskMs), tasks: m((t) => t.extensionTasks), compileMs: m((t) => t.buckets['parse/compile']),
        nativeMs: m((t) => t.buckets['native (bindings, message deserialisation)']), gcMs: m((t) => t.buckets.GC), otherMs: m((t) => t.buckets.other), jsMs: m(js),
        styleCpuMs: m((t) => t.render.styleMs), layoutCpuMs: m((t) => t.render.layoutMs), styles: m((t) => t.render.styles),
      } : { runs: 0, error: runs[0]?.error, styleCpuMs: median(runs.map((t) => t.render.styleMs)), layoutCpuMs: median(runs.map((t) => t.render.layoutMs)), styles: median(runs.map((t) => t.render.styles)) };
    }
  }
  const restyleCpu = Object.fromEntries(Object.entries(restyle).map(([page, byV]) => [page, Object.fromEntries(Object.entries(byV).map(([v, runs]) => [v, {
    threadMs: median(runs.map((x) => x.threadMs)), styleMs: median(runs.map((x) => x.styleMs)), runs: runs.map((x) => x.threadMs),
  }]))]));
  const res = { ...meta, pages: pages.map((p) => p.name), perPage, overall, traced, dom, restyle: restyleCpu };
  return res;
}

/** The section's closing reading, in numbers from this run only. */
function reading(res) {
  const o = res.overall;
  const t = (v) => f(o[v].threadMs.median);
  const cssStyle = median(Object.values(res.perPage).map((pg) => pg.cssVsEmpty.styleMs.median + pg.cssVsEmpty.layoutMs.median));
  const cssRange = Object.values(res.perPage).map((pg) => pg.cssVsEmpty.styleMs.median + pg.cssVsEmpty.layoutMs.median);
  const restyleRatios = Object.values(res.restyle ?? {}).filter((r) => r.empty?.threadMs > 0).map((r) => r.css.threadMs / r.empty.threadMs);
  const tracedCss = res.pages.map((n) => (res.traced.css?.[n]?.styleCpuMs ?? NaN) + (res.traced.css?.[n]?.layoutCpuMs ?? NaN) - (res.traced.empty?.[n]?.styleCpuMs ?? NaN) - (res.traced.empty?.[n]?.layoutCpuMs ?? NaN)).filter(Number.isFinite);
  const namesNothing = Object.entries(res.dom).filter(([name]) => res.perPage[name].kind === 'corpus');
  const checks = Object.values(res.perPage).map((pg) => pg.checks);
  const allSay = (v, want) => checks.every((c) => c[v].enabled.length === 1 && c[v].enabled[0] === want);
  const touched = namesNothing.filter(([, byV]) => ['css', 'start', 'off', 'builtin'].some((v) => byV[v] && (byV[v].mutations.length || byV[v].extensionInvalidations.length)));
  const highlighted = namesNothing.filter(([, byV]) => byV.builtin?.highlights.length);
  const controls = Object.values(res.dom).flatMap((byV) => Object.values(byV)).every((d) => d.controlSeen && d.controlInvalidations > 0);
  const real = o.builtin.threadMs.median;
  const floor = o.start.threadMs.median;
  return [
    '**Reading.** Added main-thread CPU (ThreadTime), median over pages: ' +
      `an empty content script costs ${t('empty')} ms; with highlights.css declared, ${t('css')} ms; a script that only asks the background for \`page/start\` and awaits the reply (the dictionary comes with it), ${t('start')} ms; ` +
      `the real extension, ${t('builtin')} ms (worst page ${f(o.builtin.threadMs.max)} ms, ${o.builtin.threadMs.worstPage}). ` +
      `So about ${f(floor)} ms of the real extension's ${f(real)} ms is what any content script pays that gets our dictionary from the background on these pages, and about ${f(real - floor)} ms is our own script's parse, start-up and work on top of that round trip. ` +
      `On a site switched off the real script costs ${t('off')} ms (its reply carries no dictionary). ` +
      `Against the ≤ 15 ms target, that floor leaves ${f(15 - floor)} ms for our own work. ` +
      `On the three short fixtures, whose loads scatter least, the ladder reads ${STEPS.map((st) => `${st.name} ${f(o[st.name].fixtureThreadMs)}`).join(', ')} ms. ` +
      (STEPS.slice(1, 4).some((st, i) => o[st.name].threadMs.median < o[STEPS[i].name].threadMs.median)
        ? 'The ladder over all pages is not monotone: on the big corpus pages single loads scatter by tens of ms at this load average (per-page ranges above), so steps of a few ms below the real script are not resolved there; the real script\'s step is. '
        : '') +
      'Differences of medians of noisy numbers: read the size, not the decimal.',
    '',
    `**highlights.css**: style + layout time, css minus empty, median over pages ${f(cssStyle)} ms (pages ${f(Math.min(...cssRange))} to ${f(Math.max(...cssRange))} ms, wall time); ` +
      `traced style + layout CPU, css minus empty, median over pages ${f(median(tracedCss))} ms (pages ${f(Math.min(...tracedCss))} to ${f(Math.max(...tracedCss))} ms). ` +
      (restyleRatios.length ? `A full restyle of a loaded corpus page costs ${f(median(restyleRatios), 2)}× the CPU with highlights.css declared (pages ${f(Math.min(...restyleRatios), 2)}× to ${f(Math.max(...restyleRatios), 2)}×)` +
        (Math.min(...restyleRatios) > 1.15 ? ': the `::highlight()` rules make every style recalc of the page dearer, for as long as it is open, whether or not anything is highlighted. ' : '. ') : '') +
      `**DOM changes on pages that name nothing**: ${touched.length ? `on ${touched.map(([n]) => n).join(', ')} a build changed the DOM or caused an invalidation from extension code (table above)` : 'none of the builds changed the DOM after parsing or caused a style or layout invalidation from extension code on any of the corpus pages'}` +
      `${highlighted.length ? `; the real extension registered CSS highlights on ${highlighted.map(([n]) => n).join(', ')}` : ', and the real extension registered no CSS highlights there'}` +
      `${controls ? ' (the controls were seen in every load).' : ' (a control was NOT seen in some load: read the table).'}`,
    '',
    `Checks: every measured load of the start-only build ${allSay('start', true) ? 'had its reply (enabled: true) before it was read' : 'did NOT report enabled: true: read bench/.cache/page-load-floor.json'}; ` +
      `every load of the switched-off build ${allSay('off', false) ? 'answered enabled: false' : 'did NOT answer enabled: false'}; every load of the real extension ${allSay('builtin', true) ? 'answered enabled: true' : 'did NOT answer enabled: true'}; ` +
      `loads that never went quiet (read at 15 s): ${Object.values(res.perPage).reduce((n, pg) => n + Object.values(pg.checks).reduce((m, c) => m + c.quietTimeouts, 0), 0)}.`,
  ];
}

export function floorMarkdown(res) {
  const lines = [];
  const p = (s = '') => lines.push(s);
  const o = res.overall;
  const load = (l) => l.map((x) => x.toFixed(1)).join(' / ');
  p(START);
  p('## Page-load cost: the floor (issue 12)');
  p();
  p(`Generated by \`node bench/page-load/floor.mjs --rounds=${res.rounds}\` on ${res.date.slice(0, 10)} in ${f(res.elapsedS / 60)} min; every build made from commit ${res.source.commit} in a private temp directory; ${res.chromium}, headless. ` +
    `Load average ${load(res.machine.loadAverageAtStart)} at the start, ${load(res.machine.loadAverageAtEnd)} at the end, ${res.machine.nproc} CPUs (other sessions were using the machine).`);
  p();
  p('Six builds load the same pages (as above: six corpus articles that name nothing we know, three short fixtures with mentions, at gov.uk addresses, subresources aborted, page scripts blocked), ' +
    `round-robin (each round loads every page once in every build, the order rotating with round and page), ${res.rounds} rounds, measured by the same code as the section above (\`browsers.mjs\` \`measureLoad\`). ` +
    'The builds are one whole-extension build (manifest, background, pack) that differ only in the content script, each adding one thing to the one before. ' +
    '*Added*: with minus without (no extension) in the same round, median over rounds per page; *ThreadTime* is the main thread\'s CPU time, *TaskDuration* its task time (wall, counts waiting for a core). ' +
    'Over pages: the median of the per-page medians, and in brackets the lowest and highest page.');
  p();
  p('| Build | added ThreadTime, median over pages (lowest to highest page) | corpus / fixtures | this step alone (ThreadTime) | added TaskDuration | this step alone (TaskDuration) | added style + layout time |');
  p('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const s of STEPS) {
    const x = o[s.name];
    p(`| ${s.label} | **${f(x.threadMs.median)}** (${f(x.threadMs.min)} to ${f(x.threadMs.max)}) | ${f(x.corpusThreadMs)} / ${f(x.fixtureThreadMs)} | ${f(x.stepThreadMs.median)} | ${f(x.cpuMs.median)} (${f(x.cpuMs.min)} to ${f(x.cpuMs.max)}) | ${f(x.stepCpuMs.median)} | ${f(x.styleLayoutMs.median)} |`);
  }
  p();
  p(`### Per page: added ThreadTime, ms (median over ${res.rounds} rounds, and the lowest to highest round)`);
  p();
  p(`| Page | page alone | ${STEPS.map((s) => s.name).join(' | ')} |`);
  p(`| --- | ---: | ${STEPS.map(() => '---:').join(' | ')} |`);
  for (const [name, pg] of Object.entries(res.perPage)) p(`| ${name}${pg.kind === 'fixture' ? ' (fixture)' : ''} | ${f(pg.alone.threadMs)} | ${STEPS.map((s) => range(pg.added[s.name].threadMs)).join(' | ')} |`);
  p();
  p('### Per page: added TaskDuration, ms (same loads)');
  p();
  p(`| Page | page alone | ${STEPS.map((s) => s.name).join(' | ')} |`);
  p(`| --- | ---: | ${STEPS.map(() => '---:').join(' | ')} |`);
  for (const [name, pg] of Object.entries(res.perPage)) p(`| ${name} | ${f(pg.alone.cpuMs)} | ${STEPS.map((s) => range(pg.added[s.name].cpuMs)).join(' | ')} |`);
  p();
  p('### Does highlights.css cost style or layout? (css minus empty, same loads)');
  p();
  p('Both builds run an empty content.js; the only difference is the manifest\'s `css: ["highlights.css"]` (four `::highlight()` rules; Chromium injects a content script\'s CSS before the page\'s DOM is built, so it can only add to the page\'s own style passes, not cause one). ' +
    'Untimed columns: median over rounds of the paired difference (lowest to highest round), from `Performance.getMetrics` (RecalcStyleDuration and LayoutDuration are wall time). ' +
    `Traced columns: CPU (thread) time of the page's UpdateLayoutTree and Layout events, median of ${res.traceRounds} traced load(s) per build.`);
  p();
  p('| Page | page\'s own style + layout | style recalc time | layout time | style recalcs (count) | ThreadTime | traced style CPU: empty → css (recalcs) | traced layout CPU: empty → css |');
  p('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [name, pg] of Object.entries(res.perPage)) {
    const c = pg.cssVsEmpty ?? {};
    const e = res.traced.empty?.[name];
    const k = res.traced.css?.[name];
    p(`| ${name} | ${f(pg.alone.styleLayoutMs)} | ${range(c.styleMs)} | ${range(c.layoutMs)} | ${range(c.styleCount)} | ${range(c.threadMs)} | ${f(e?.styleCpuMs)} → ${f(k?.styleCpuMs)} (${e?.styles ?? '–'} → ${k?.styles ?? '–'}) | ${f(e?.layoutCpuMs)} → ${f(k?.layoutCpuMs)} |`);
  }
  if (Object.keys(res.restyle ?? {}).length) {
    p();
    p('After each load went quiet, the harness changed an inherited custom property on the root 20 times, reading a style each time, so every element\'s style was recomputed (nothing\'s layout changed): the CPU time (ThreadTime) of one full restyle of the loaded page, median of 3 loads per build (interleaved; each load\'s 20 restyles averaged).');
    p();
    p('| Page | one full restyle, empty | with highlights.css | css / empty | loads (empty; css) |');
    p('| --- | ---: | ---: | ---: | --- |');
    for (const [name, r] of Object.entries(res.restyle)) {
      p(`| ${name} | ${f(r.empty?.threadMs)} ms | ${f(r.css?.threadMs)} ms | ${r.empty?.threadMs > 0 ? (r.css.threadMs / r.empty.threadMs).toFixed(2) : '–'} | ${r.empty?.runs.map((x) => f(x)).join(', ')}; ${r.css?.runs.map((x) => f(x)).join(', ')} |`);
    }
  }
  p();
  p('### Does anything we do on a page that names nothing trigger style recalc? (one diagnostic load per page and build)');
  p();
  p('A main-world `MutationObserver` from `DOMContentLoaded` records every DOM change after parsing (it sees changes from any world); `CSS.highlights` is read at the end; a trace with Blink\'s invalidation tracking lists every style or layout invalidation whose JavaScript stack has a `chrome-extension://` frame. ' +
    'Control: at the end of each load the harness inserts a `<div>` from the main world; *control seen* says the observer recorded it and the tracker recorded invalidations with its stack (so an empty column is a finding, not a blind spot).');
  p();
  p('| Page | build | mentions | DOM changes after parsing | CSS.highlights | invalidations from extension code | control seen (observer / tracker events) |');
  p('| --- | --- | ---: | --- | --- | --- | --- |');
  for (const [name, byV] of Object.entries(res.dom)) {
    for (const [v, d] of Object.entries(byV)) {
      if (v === 'none' || v === 'empty') continue;
      const list = (xs) => (xs.length ? [...new Set(xs)].slice(0, 4).map((x) => `\`${x}\``).join(', ') + (xs.length > 4 ? ` (${xs.length})` : '') : 'none');
      p(`| ${name} | ${v} | ${d.mentions ?? '–'} | ${list(d.mutations)} | ${d.highlights.length ? d.highlights.join(', ') : 'none'} | ${list(d.extensionInvalidations)} | ${d.controlSeen ? 'yes' : 'NO'} / ${d.controlInvalidations} |`);
    }
  }
  const tr = res.traced;
  if (tr.builtin) {
    p();
    p(`### Traced: the content script's own tasks (median of ${res.traceRounds} traced load(s) per page and build; attribution as in the section above)`);
    p();
    p('CPU time of the tasks that evaluated or ran our content scripts (`content.js`, and for the real extension `content-session.js` and `content-ui.js` when injected). For the empty script that is the one task that set up the isolated world and evaluated nothing; for the page/start-only script, the evaluation plus the reply\'s task. *Our JS*: samples in their mapped source (walk, match, load, session, messaging…); the start-only script has no source map, so its few lines fall under *other* with unsampled time. A task counts only if it evaluated `content.js` or a CPU sample landed in it, so the start-only script\'s reply task (a few microseconds of its JS) is usually missed: its column is a lower bound, and the untraced ThreadTime above is the measure.');
    p();
    p('| Page | empty: tasks CPU (n) | start-only: tasks CPU (n) | real: tasks CPU (n) | real: parse/compile | real: our JS | real: native (message, bindings) | real: GC | real: other | start-only: native | start-only: other |');
    p('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const name of Object.keys(tr.builtin)) {
      const e = tr.empty?.[name];
      const s = tr.start?.[name];
      const b = tr.builtin[name];
      p(`| ${name} | ${f(e?.taskMs)} (${e?.tasks ?? '–'}) | ${f(s?.taskMs)} (${s?.tasks ?? '–'}) | ${f(b.taskMs)} (${b.tasks ?? '–'}) | ${f(b.compileMs)} | ${f(b.jsMs)} | ${f(b.nativeMs)} | ${f(b.gcMs)} | ${f(b.otherMs)} | ${f(s?.nativeMs)} | ${f(s?.otherMs)} |`);
    }
  }
  p();
  // Recomputed from the numbers each time (so --report-only writes the current wording).
  for (const line of reading(res)) p(line);
  p(END);
  return `${lines.join('\n')}\n`;
}

/** Replaces the section, or puts it right after the page-load section's end marker. */
export function placeFloorSection(text, section) {
  const replaced = replaceSection(text, SECTION, section);
  if (replaced !== null) return replaced;
  const at = text.indexOf(PAGE_LOAD_END);
  if (at === -1) throw new Error(`BENCHMARKS.md has no ${PAGE_LOAD_END}`);
  const after = at + PAGE_LOAD_END.length;
  return `${text.slice(0, after)}\n\n${section}${text.slice(after).replace(/^\n+/, '\n')}`;
}

export async function writeFloorSection(repoRoot, res, { section }) {
  const text = floorMarkdown(res);
  if (!section) {
    const file = path.join(repoRoot, 'bench/.cache/page-load-floor.md');
    await writeFile(file, text);
    return file;
  }
  const md = path.join(repoRoot, 'BENCHMARKS.md');
  await writeFile(md, placeFloorSection(await readFile(md, 'utf8'), text));
  return md;
}
