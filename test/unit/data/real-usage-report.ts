// Writes the real-usage results as a section of BENCHMARKS.md: the targets, a row per page, and
// every miss and false positive with its reason. Deterministic (no dates, no timings), so a run
// that changes nothing leaves the file as it was. The hand-written reading of the results lives
// in test/fixtures/real-usage/analysis.md and is embedded as it stands.

import { readFileSync, writeFileSync } from 'node:fs';
import { replaceSection, sectionMarkers } from '../../../bench/marked-section.mjs';
import { ratio, totals, type MissReason, type PageScore } from './real-usage-score';

export const SECTION_TITLE = 'Recall and precision on real usage (issue 11)';
/** This file's section of BENCHMARKS.md (bench/marked-section.mjs). */
const SECTION = 'real-usage';
const { start: START, end: END } = sectionMarkers(SECTION);
export const RECALL_TARGET = 0.95;
export const PRECISION_TARGET = 0.99;

const REASONS: Record<MissReason, string> = {
  'unknown entity': 'the name is not in the knowledge base at all',
  'alias missing': 'the entity is known, but not by the form this page uses',
  'rule: context': 'a context-only alias, and the page never names the entity in a form that counts on its own (matching rule too strict)',
  'rule: case': 'the alias exists but must match case exactly, and the page writes it otherwise (matching rule too strict)',
  'rule: other entity': 'the span lit up, but as a different entity',
  'rule: not matched here': 'the alias exists, yet the span did not light up in this sentence',
};

const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)}%`);
/** Parentheses in a URL would end a Markdown link early. */
const link = (url: string) => url.replace(/\(/g, '%28').replace(/\)/g, '%29');
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderSection(scores: readonly PageScore[], analysis: string): string {
  const t = totals(scores);
  const recall = ratio(t.hits, t.expected);
  const recallKnown = ratio(t.hitsKnown, t.expectedKnown);
  const precision = ratio(t.hits, t.found);
  const guards = scores.flatMap((s) => s.page.sentences.filter((x) => x.guard));
  const guardFps = scores.flatMap((s) => s.falsePositives.filter((f) => f.guard));
  const negatives = scores.reduce((n, s) => n + s.page.sentences.filter((x) => x.negative).length, 0);
  const sentences = scores.reduce((n, s) => n + s.page.sentences.length, 0);
  const lines: string[] = [
    START,
    `## ${SECTION_TITLE}`,
    '',
    `Written by \`test/unit/data/real-usage.test.ts\` (part of \`npm run test:unit\`) from the labelled set in ` +
      `\`test/fixtures/real-usage/pages.json\`: ${scores.length} published pages (GOV.UK, departmental blogs, Hansard, Computer Weekly, ` +
      `UKAuthority, PublicTechnology, Civil Service World, techUK, the LGA, Socitm, a council blog and others), ${sentences} sentences ` +
      `in our own words that keep each name's real form and surroundings, ${t.expected} expected mentions ` +
      `(${t.expectedKnown} of entities in the knowledge base, ${t.expected - t.expectedKnown} of names it does not have) and ` +
      `${negatives} sentences where nothing may light up. Each page is one document scanned by the real pipeline: the core pack ` +
      `compiled with \`compileDictionary\` as the background does, the content \`Scanner\` and \`MentionIndex\` in happy-dom, the ` +
      `page's date in \`article:published_time\`. A lit span counts as a hit when it overlaps an expected one and names the same ` +
      `entity; anything else lit is a false positive.`,
    '',
    '| Target | Measured | Bar | Result |',
    '| --- | --- | --- | --- |',
    `| Recall, every expected mention | ${pct(recall)} (${t.hits} of ${t.expected}) | ≥ ${RECALL_TARGET * 100}% | **${recall !== null && recall >= RECALL_TARGET ? 'pass' : 'FAIL'}** |`,
    `| Recall, mentions of entities in the knowledge base | ${pct(recallKnown)} (${t.hitsKnown} of ${t.expectedKnown}) | shown | |`,
    `| Precision, everything lit | ${pct(precision)} (${t.hits} of ${t.found}) | ≥ ${PRECISION_TARGET * 100}% | **${precision !== null && precision >= PRECISION_TARGET ? 'pass' : 'FAIL'}** |`,
    `| Nothing lit in guard sentences (shipped ambiguous forms used in their ordinary sense) | ${guards.length - new Set(guardFps.map((f) => `${f.sentence}:${f.text}`)).size} of ${guards.length} dark | all (asserted by the test) | **${guardFps.length === 0 ? 'pass' : 'FAIL'}** |`,
    '',
    analysis.trim(),
    '',
    '### Per page',
    '',
    '| # | Page | Publisher | Date | Expected | Lit | Hits | Recall | Precision | Misses | False positives |',
    '| ---: | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...scores.map((s, i) => `| ${i + 1} | [${cell(s.page.title)}](${link(s.page.url)}) | ${cell(s.page.publisher)} | ${s.page.date ?? 'undated'} | ${s.expected} | ${s.found} | ${s.hits.length} | ${pct(ratio(s.hits.length, s.expected))} | ${pct(ratio(s.hits.length, s.found))} | ${s.misses.length} | ${s.falsePositives.length} |`),
    '',
    '### Misses by reason',
    '',
    '| Reason | Misses | What it means |',
    '| --- | ---: | --- |',
    ...(Object.keys(REASONS) as MissReason[]).map((r) => `| ${r} | ${scores.reduce((n, s) => n + s.misses.filter((m) => m.reason === r).length, 0)} | ${REASONS[r]} |`),
    '',
    '### Every miss',
    '',
    '| # | Sentence | Expected | Entity | Reason | Detail |',
    '| ---: | --- | --- | --- | --- | --- |',
    ...scores.flatMap((s, i) => s.misses.map((m) => `| ${i + 1} | ${cell(m.text)} | ${cell(m.expected.surface)} | ${m.expected.entity ?? `(unknown: ${cell(m.expected.name ?? '')})`} | ${m.reason} | ${cell(m.detail)} |`)),
    '',
    '### Must-not-light sentences, by what makes them a trap',
    '',
    '| Trap | Sentences | Guards among them | Sentences where something lit |',
    '| --- | ---: | ---: | ---: |',
    ...hazards(scores).map(([h, n, g, lit]) => `| ${h} | ${n} | ${g} | ${lit} |`),
    '',
    '### Every false positive',
    '',
    '| # | Sentence | Lit | As | Kind |',
    '| ---: | --- | --- | --- | --- |',
    ...scores.flatMap((s, i) => s.falsePositives.map((f) => `| ${i + 1} | ${cell(f.text)} | ${cell(f.found.surface)} | ${f.found.entity} | ${fpKind(f)} |`)),
    '',
    '### Lit, but in the private layer',
    '',
    'Shown to the reader, so counted above; but a shipped name should be painted in the page\'s highlight registry, not the layer kept for the user\'s own names.',
    '',
    '| # | Lit | Entity | Sentence |',
    '| ---: | --- | --- | --- |',
    ...scores.flatMap((s, i) => [...s.hits, ...s.falsePositives]
      .filter((x) => x.found.private)
      .map((x) => `| ${i + 1} | ${cell(x.found.surface)} | ${x.found.entity} | ${cell(s.page.sentences[x.sentence]!.text)} |`)),
    '',
    '### Hits whose span differs from the label',
    '',
    'Counted as hits (same entity, overlapping span); listed because the highlight is shorter or longer than the name.',
    '',
    '| # | Expected | Lit | Entity |',
    '| ---: | --- | --- | --- |',
    ...scores.flatMap((s, i) => s.hits.filter((h) => !h.exact).map((h) => `| ${i + 1} | ${cell(h.expected.surface)} | ${cell(h.found.surface)} | ${h.found.entity} |`)),
    END,
  ];
  return lines.join('\n');
}

/** Per trap: how many must-not-light sentences, how many are guards, and in how many something lit. */
function hazards(scores: readonly PageScore[]): [string, number, number, number][] {
  const rows = new Map<string, [number, number, number]>();
  for (const s of scores) {
    s.page.sentences.forEach((x, i) => {
      if (!x.negative) return;
      const row = rows.get(x.hazard ?? 'plain') ?? [0, 0, 0];
      row[0]++;
      if (x.guard) row[1]++;
      if (s.falsePositives.some((f) => f.sentence === i)) row[2]++;
      rows.set(x.hazard ?? 'plain', row);
    });
  }
  return [...rows].map(([h, [n, g, lit]]) => [h, n, g, lit]);
}

function fpKind(f: PageScore['falsePositives'][number]): string {
  if (f.guard) return 'guard sentence (must stay dark)';
  if (f.negative) return 'must-not-light sentence';
  if (f.insteadOf) return f.insteadOf.entity ? `wrong entity (expected ${f.insteadOf.entity})` : 'lit as a known entity where an unknown one was meant';
  return 'not a mention of a known entity';
}

/** Replaces the section in `path` (or appends it), keeping the rest of the file. Returns whether it changed. */
export function writeSection(path: string, section: string): boolean {
  let before = '';
  try {
    before = readFileSync(path, 'utf8');
  } catch {
    /* no report yet */
  }
  const after = replaceSection(before, SECTION, section) ?? `${before.replace(/\s*$/, '')}\n\n${section}\n`;
  if (after === before) return false;
  writeFileSync(path, after);
  return true;
}
