// Paraphrase links from the shipped knowledge alone, with no labels: stems that occur in the same
// texts (an event, its notes, an entity's summary) are counted together, weighted by positive PMI,
// and two stems are linked when their rows of that matrix point the same way (cosine), each to its
// few nearest. Unsupervised, so it cannot learn a label; it learns the field's topics as well as
// its synonyms, which is what the lab measures.

import type { BuiltinEntity } from '../../../../src/background/builtin-kb';
import { terms } from '../../../../src/shared/echo/tokenize';

export interface DistribOptions {
  /** Texts a stem must occur in to get a row at all. */
  minDf: number;
  /** Nearest stems kept for each stem. */
  k: number;
  /** Cosine a link needs. */
  minCos: number;
  /** Keep a link only when each stem is among the other's k nearest. */
  mutual: boolean;
  /** Truncated SVD to this many dimensions before the cosine (0: the PPMI rows themselves). */
  dims: number;
}

/** The knowledge's texts, each as its set of linkable stems. */
export function knowledgeTexts(entities: readonly BuiltinEntity[]): Set<string>[] {
  const out: Set<string>[] = [];
  const add = (text: string | undefined) => {
    if (!text) return;
    const s = new Set(terms(text).map((t) => t.term).filter((t) => !t.includes(' ') && !/\d/.test(t)));
    if (s.size > 1) out.push(s);
  };
  for (const e of entities) {
    add(e.summary);
    for (const ev of e.events) {
      add(ev.text);
      for (const n of (ev as { notes?: readonly string[] }).notes ?? []) add(n);
    }
  }
  return out;
}

function rng(seed: number) {
  let x = seed;
  return () => { x = (x * 1103515245 + 12345) % 2147483648; return x / 2147483648 - 0.5; };
}

/** Each stem with its nearest stems, by cosine of PPMI rows (or their SVD). */
export function distribNeighbours(texts: readonly Set<string>[], o: DistribOptions): { pairs: { a: string; b: string; cos: number }[]; vocab: number } {
  const df = new Map<string, number>();
  for (const s of texts) for (const t of s) df.set(t, (df.get(t) ?? 0) + 1);
  const vocab = [...df].filter(([, n]) => n >= o.minDf).map(([t]) => t).sort();
  const id = new Map(vocab.map((t, i) => [t, i]));
  const co = vocab.map(() => new Map<number, number>());
  for (const s of texts) {
    const ids = [...s].map((t) => id.get(t)).filter((i): i is number => i !== undefined);
    for (const a of ids) for (const b of ids) if (a !== b) co[a]!.set(b, (co[a]!.get(b) ?? 0) + 1);
  }
  // PPMI with the context distribution smoothed (power 0.75), as usual for small corpora.
  const rowSum = co.map((m) => [...m.values()].reduce((x, y) => x + y, 0));
  const colPow = new Array<number>(vocab.length).fill(0);
  co.forEach((m) => m.forEach((n, j) => { colPow[j]! += n; }));
  const colP = colPow.map((x) => x ** 0.75);
  const colTotal = colP.reduce((x, y) => x + y, 0);
  const total = rowSum.reduce((x, y) => x + y, 0);
  const rows: Map<number, number>[] = co.map((m, i) => {
    const r = new Map<number, number>();
    m.forEach((n, j) => {
      const pmi = Math.log((n / total) / ((rowSum[i]! / total) * (colP[j]! / colTotal)));
      if (pmi > 0) r.set(j, pmi);
    });
    return r;
  });
  let vec: number[][];
  if (o.dims > 0) {
    // Randomised range finder, two power iterations, then the rows projected: enough for cosines.
    const n = vocab.length;
    const d = o.dims;
    const rand = rng(7);
    let q: number[][] = Array.from({ length: n }, () => Array.from({ length: d }, rand));
    const mul = (m: number[][]) => rows.map((r) => { const out = new Array<number>(d).fill(0); r.forEach((v, j) => { for (let c = 0; c < d; c++) out[c]! += v * m[j]![c]!; }); return out; });
    const orth = (m: number[][]) => {
      for (let c = 0; c < d; c++) {
        for (let p = 0; p < c; p++) { let s = 0; for (let i = 0; i < n; i++) s += m[i]![c]! * m[i]![p]!; for (let i = 0; i < n; i++) m[i]![c]! -= s * m[i]![p]!; }
        let s = 0; for (let i = 0; i < n; i++) s += m[i]![c]! ** 2; s = Math.sqrt(s) || 1; for (let i = 0; i < n; i++) m[i]![c]! /= s;
      }
      return m;
    };
    q = orth(mul(q));
    for (let it = 0; it < 2; it++) q = orth(mul(q));
    vec = mul(q);
  } else vec = [];
  const norm = o.dims > 0 ? vec.map((v) => Math.sqrt(v.reduce((s, x) => s + x * x, 0)) || 1) : rows.map((r) => Math.sqrt([...r.values()].reduce((s, x) => s + x * x, 0)) || 1);
  const cos = (a: number, b: number) => {
    if (o.dims > 0) { let s = 0; for (let c = 0; c < o.dims; c++) s += vec[a]![c]! * vec[b]![c]!; return s / (norm[a]! * norm[b]!); }
    const [x, y] = rows[a]!.size < rows[b]!.size ? [rows[a]!, rows[b]!] : [rows[b]!, rows[a]!];
    let s = 0; x.forEach((v, j) => { const w = y.get(j); if (w) s += v * w; });
    return s / (norm[a]! * norm[b]!);
  };
  const near: Map<number, number>[] = vocab.map((_, a) => {
    const list: [number, number][] = [];
    for (let b = 0; b < vocab.length; b++) if (b !== a) { const c = cos(a, b); if (c >= o.minCos) list.push([b, c]); }
    return new Map(list.sort((x, y) => y[1] - x[1]).slice(0, o.k));
  });
  const pairs: { a: string; b: string; cos: number }[] = [];
  near.forEach((m, a) => m.forEach((c, b) => {
    if (a > b && near[b]!.has(a)) pairs.push({ a: vocab[a]!, b: vocab[b]!, cos: c });
    else if (!o.mutual && !near[b]!.has(a)) pairs.push({ a: vocab[a]!, b: vocab[b]!, cos: c });
  }));
  return { pairs: pairs.sort((x, y) => y.cos - x.cos), vocab: vocab.length };
}
