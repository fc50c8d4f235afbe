// Experiments with learned paraphrase links (ECHOES_LINKS_LAB=1 only): the links are learned inside
// each cross-validation fold from its training chains alone, and the training rows' own link
// features come from links learned without their inner fold (cross-fitting), so the model never
// sees a feature made from its own label. Prints BENCHMARKS.md's development-loop numbers for each
// variant, each fold's table size and the strongest links. Skipped on ordinary runs.

import { describe, expect, it } from 'vitest';
import { idf } from '../../../../src/shared/echo/bm25';
import { FEATURES } from '../../../../src/shared/echo/features';
import { isEarlier, sentenceQuery } from '../../../../src/shared/echo/find-echoes';
import { terms } from '../../../../src/shared/echo/tokenize';
import { evalIndex, FOLDS, loadCases, type Case, type Outcome } from './eval-lib';
import { collect, fitRank, type Row } from './fit-lib';
import { fit, type Opts } from './lab-fit';
import { labLine, labOutcome, topExample } from './lab-report';
import { builtinEntities } from '../../../../src/background/builtin-kb';
import { distribNeighbours, knowledgeTexts, type DistribOptions } from './links-distrib';
import { itemWords, learnLinks, linkedCoverage, linkMap, sentenceWords, type LearnOptions, type LinkExample, type Links } from './links-learn';

const on = process.env.ECHOES_LINKS_LAB === '1';

interface Variant extends Partial<LearnOptions> {
  name: string;
  /** Links from the labelled pairs (learned per fold) or from the shipped knowledge alone (distrib.ts). */
  source?: 'pairs' | 'distrib' | 'both';
  distrib?: Partial<DistribOptions>;
  /** Which of the two shares join the features: 's' the sentence's, 'i' the item's. */
  feats?: string;
  /** The links' features also in the ranking (else the ranking ignores them). */
  rank?: boolean;
  /** Contrast examples: negatives' best BM25 items ('neg'), pairs' best wrong items ('wrong'), both, none. */
  against?: 'neg' | 'wrong' | 'both' | 'none';
  /** No cross-fitting: training rows' features from the fold's own table (to show what it would hide). */
  inSample?: boolean;
}

describe.runIf(on)('echo paraphrase-link lab (development data only)', () => {
  it('prints cross-validated numbers for each variant', () => {
    const { cases, claims } = loadCases();
    const index = evalIndex(claims);
    const rows = collect(cases, index);
    const byId = new Map(index.items.map((it) => [it.id, it]));
    const words = new Map(rows.map((r) => [r, sentenceWords(r.case!, index)]));
    const query = new Map(rows.map((r) => {
      const c = r.case!;
      const q = sentenceQuery(c.text, terms(c.text).map((t) => t.term), c.date, index);
      return [r, q] as const;
    }));
    const idfOf = (t: string) => idf(index, t);

    function examplesOf(rs: readonly Row[], against: Variant['against']): LinkExample[] {
      const out: LinkExample[] = [];
      for (const r of rs) {
        const c = r.case!;
        const s = words.get(r)!;
        if (c.kind === 'pair') {
          for (const id of c.accept) {
            const it = byId.get(id);
            if (it && isEarlier(it.date, c.date)) out.push({ unit: c.group, sentence: s, item: itemWords(it, index), positive: true });
          }
          const wrong = r.items!.findIndex((_, i) => !r.right[i]);
          if ((against === 'wrong' || against === 'both') && wrong >= 0) out.push({ unit: c.id, sentence: s, item: itemWords(r.items![wrong]!, index), positive: false });
        } else if ((against === 'neg' || against === 'both') && r.items!.length > 0) {
          out.push({ unit: c.id, sentence: s, item: itemWords(r.items![0]!, index), positive: false });
        }
      }
      return out;
    }

    const base: Opts = { l2: 0.01, rounds: 100, rate: 0.1, minLeaf: 20, depth: 1, balance: false };
    const texts = knowledgeTexts(builtinEntities());
    const defaults: Required<Omit<Variant, 'name'>> = { source: 'pairs', distrib: {}, minSupport: 2, minPmi: 0, contrast: 1, symmetric: true, feats: 'si', rank: false, against: 'neg', inSample: false };
    const variants: Variant[] = JSON.parse(process.env.ECHOES_LINKS_VARIANTS ?? 'null') ?? [{ name: 'baseline', feats: '' }, { name: 'links' }];
    for (const v0 of variants) {
      const v = { ...defaults, ...v0 };
      const fixed = v.source !== 'pairs' ? distribNeighbours(texts, { minDf: 5, k: 5, minCos: 0.3, mutual: true, dims: 0, ...v.distrib }) : null;
      if (fixed) {
        console.log(`${v.name}: ${fixed.pairs.length} links over ${fixed.vocab} stems of ${texts.length} texts; strongest: ${fixed.pairs.slice(0, 30).map((l) => `${l.a}~${l.b} ${l.cos.toFixed(2)}`).join(', ')}`);
        console.log(`  for council, onlin, digitalfirst, platform, legaci, ident: ${['council', 'onlin', 'digitalfirst', 'platform', 'legaci', 'ident'].map((w) => `${w}: ${fixed.pairs.filter((l) => l.a === w || l.b === w).map((l) => (l.a === w ? l.b : l.a)).join(' ')}`).join('; ')}`);
      }
      const learned = (excluded: readonly number[]) => learnLinks(examplesOf(rows.filter((r) => !excluded.includes(r.case!.fold)), v.against), v);
      const learn = (excluded: readonly number[]) => [
        ...(fixed ? fixed.pairs.map((l) => ({ ...l, support: 0, pmi: l.cos, against: 0 })) : []),
        ...(v.source === 'distrib' ? [] : learned(excluded)),
      ];
      const extend = (r: Row, links: Links): Row => {
        if (!v.feats) return r;
        const q = query.get(r)!;
        const f = r.f.map((f0, i) => {
          const [s, it] = linkedCoverage(q.terms, q.nameTerms ?? new Set(), r.items![i]!.terms, links, idfOf);
          return [...f0, ...(v.feats.includes('s') ? [s] : []), ...(v.feats.includes('i') ? [it] : [])];
        });
        return { ...r, f };
      };
      if (process.env.ECHOES_LINKS_DEBUG === '1' && v.feats) {
        // What shipping the full table would cost: its size as a stem → stems object, and the
        // features of a sentence's whole pool (the 20 contenders) per sentence.
        const table = linkMap(learn([]));
        const json = JSON.stringify(Object.fromEntries([...table].map(([a, bs]) => [a, [...bs].join(' ')])));
        const t0 = performance.now();
        for (const r of rows) extend(r, table);
        console.log(`${v.name}: table ${json.length} bytes as JSON; link features ${((performance.now() - t0) / rows.length).toFixed(3)} ms a sentence (pool of up to 20)`);
      }
      const byCase = new Map<Case, Outcome>();
      const sizes: number[] = [];
      for (let k = 0; k < FOLDS; k++) {
        const table = learn([k]);
        sizes.push(table.length);
        const own = linkMap(table);
        const inner = new Map(Array.from({ length: FOLDS }, (_, j) => [j, j === k || v.inSample ? own : linkMap(learn([k, j]))]));
        const train = rows.filter((r) => r.case!.fold !== k).map((r) => extend(r, inner.get(r.case!.fold)!));
        const test = rows.filter((r) => r.case!.fold === k).map((r) => extend(r, own));
        const d = FEATURES.length;
        const w = v.rank ? fitRank(train) : [...fitRank(train.map((r) => ({ ...r, f: r.f.map((f) => f.slice(0, d)) }))), ...new Array<number>(train[0]!.f[0]!.length - d).fill(0)];
        const ex = (r: Row) => topExample(w, r);
        if (process.env.ECHOES_LINKS_DEBUG === '1') {
          console.log(`fold ${k} rank weights of the link features: ${w.slice(d).map((x) => x.toFixed(3)).join(', ')}`);
          // The gain over exact matching on each side, for the fold's test tops: right, wrong, negatives.
          const groups: Record<string, number[][]> = { right: [], wrong: [], negative: [] };
          for (const e of test.map(ex)) {
            const g = e.r.case!.kind === 'negative' ? 'negative' : e.y ? 'right' : 'wrong';
            const f = e.r.f[e.top]!;
            groups[g]!.push([f[d]! - f[FEATURES.indexOf('content')]!, (f[d + 1] ?? 0) - f[FEATURES.indexOf('itemCoverage')]!]);
          }
          console.log(Object.entries(groups).map(([g, xs]) => `${g} ${xs.length}: gain s ${(xs.reduce((a, x) => a + x[0]!, 0) / xs.length).toFixed(3)} (>0 in ${xs.filter((x) => x[0]! > 0.001).length}), i ${(xs.reduce((a, x) => a + x[1]!, 0) / xs.length).toFixed(3)}`).join('; '));
        }
        const model = fit(train.map(ex), { ...base, ...(v0 as Partial<Opts>) });
        for (const e of test.map(ex)) byCase.set(e.r.case!, labOutcome(e, model(e.x)));
      }
      console.log(`${labLine(v.name.padEnd(24), cases, byCase).line} links/fold ${v.feats ? sizes.join(',') : '-'}`);
      if (process.env.ECHOES_LINKS_SHOW === '1' && v.feats) {
        const all = learnLinks(examplesOf(rows, v.against), v);
        console.log(`all development data: ${all.length} links; strongest:\n` + all.slice(0, 40).map((l) => `  ${l.a} ~ ${l.b} (chains ${l.support}, pmi ${l.pmi.toFixed(2)}, against ${l.against})`).join('\n'));
      }
    }
    expect(rows.length).toBeGreaterThan(0);
  }, 1_800_000);
});
