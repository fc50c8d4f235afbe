// The confidence model of the echo labs (confidence-lab.test.ts, links-lab.test.ts): a logistic
// calibration plus boosted trees over any feature vector, optionally class-balanced and isotonic,
// fitted on the examples it is given. For experiments only; the shipped fit is fit-lib.ts.

const dot = (w: readonly number[], f: readonly number[]) => w.reduce((s, x, i) => s + x * f[i]!, 0);

/** One example: its feature vector (the margin first), whether the top item is right, and whether it may be shown at all. */
export interface LabExample { x: number[]; y: number; ok: boolean }

export interface Opts { l2: number; rounds: number; rate: number; minLeaf: number; depth: number; balance: boolean; iso?: boolean }
type Tree = (x: number[]) => number;

export function fit(xs: LabExample[], o: Opts): (x: number[]) => number {
  const d = xs[0]!.x.length + 1;
  const pos = xs.filter((x) => x.y === 1).length;
  const wt = xs.map((x) => (o.balance ? (x.y === 1 ? xs.length / (2 * pos) : xs.length / (2 * (xs.length - pos))) : 1));
  const c = new Array<number>(d).fill(0);
  const v = (x: LabExample) => [1, ...x.x];
  for (let step = 0; step < 3000; step++) {
    const g = new Array<number>(d).fill(0);
    xs.forEach((x, j) => { const xv = v(x); const p = 1 / (1 + Math.exp(-dot(c, xv))); for (let k = 0; k < d; k++) g[k]! += wt[j]! * (x.y - p) * xv[k]!; });
    for (let k = 0; k < d; k++) c[k]! += 0.2 * (g[k]! / xs.length - (k === 0 ? 0 : o.l2 * c[k]!));
  }
  const cuts = xs[0]!.x.map((_, k) => {
    const vals = [...new Set(xs.map((x) => x.x[k]!))].sort((a, b) => a - b);
    const at = new Set<number>();
    for (let q = 1; q < 16; q++) { const i = Math.floor((q * vals.length) / 16); if (i > 0 && i < vals.length) at.add((vals[i - 1]! + vals[i]!) / 2); }
    return [...at];
  });
  const zs = xs.map((x) => dot(c, v(x)));
  const trees: Tree[] = [];
  // One split of the examples in `idx`: the best feature and cut by Newton gain.
  const split = (idx: number[], g: number[], h: number[]) => {
    let best: { k: number; at: number; gain: number } | null = null;
    cuts.forEach((cs, k) => { for (const at of cs) {
      let gl = 0, hl = 0, nl = 0, gr = 0, hr = 0, nr = 0;
      for (const i of idx) { if (xs[i]!.x[k]! < at) { gl += g[i]!; hl += h[i]!; nl++; } else { gr += g[i]!; hr += h[i]!; nr++; } }
      if (nl < o.minLeaf || nr < o.minLeaf) continue;
      const gain = (gl * gl) / (hl + 1) + (gr * gr) / (hr + 1) - ((gl + gr) ** 2) / (hl + hr + 1);
      if (!best || gain > best.gain) best = { k, at, gain };
    } });
    return best as { k: number; at: number; gain: number } | null;
  };
  const leaf = (idx: number[], g: number[], h: number[]) => { let gs = 0, hs = 0; for (const i of idx) { gs += g[i]!; hs += h[i]!; } return (o.rate * gs) / (hs + 1); };
  const grow = (idx: number[], g: number[], h: number[], depth: number): Tree => {
    const b = depth > 0 ? split(idx, g, h) : null;
    if (!b) { const val = leaf(idx, g, h); return () => val; }
    const l = grow(idx.filter((i) => xs[i]!.x[b.k]! < b.at), g, h, depth - 1);
    const r = grow(idx.filter((i) => xs[i]!.x[b.k]! >= b.at), g, h, depth - 1);
    return (x) => (x[b.k]! < b.at ? l(x) : r(x));
  };
  const all = xs.map((_, i) => i);
  for (let round = 0; round < o.rounds; round++) {
    const p = zs.map((z) => 1 / (1 + Math.exp(-z)));
    const g = xs.map((x, i) => wt[i]! * (x.y - p[i]!));
    const h = p.map((q, i) => wt[i]! * q * (1 - q));
    const t = grow(all, g, h, o.depth);
    trees.push(t);
    xs.forEach((x, i) => { zs[i]! += t(x.x); });
  }
  const raw = (x: number[]) => { let z = dot(c, [1, ...x]); for (const t of trees) z += t(x); return 1 / (1 + Math.exp(-z)); };
  if (!o.iso) return raw;
  // Isotonic map of the raw score, by pooled adjacent violators, on inner-fold scores of these rows.
  const pts = xs.filter((x) => x.ok).map((x) => ({ s: raw(x.x), y: x.y })).sort((a, b) => a.s - b.s);
  const blocks: { lo: number; v: number; n: number }[] = [];
  for (const p of pts) {
    blocks.push({ lo: p.s, v: p.y, n: 1 });
    while (blocks.length > 1 && blocks[blocks.length - 2]!.v >= blocks[blocks.length - 1]!.v) {
      const b = blocks.pop()!; const a = blocks[blocks.length - 1]!;
      a.v = (a.v * a.n + b.v * b.n) / (a.n + b.n); a.n += b.n;
    }
  }
  // Ties within a block broken by the raw score, so the map stays strictly monotone.
  return (x) => { const r = raw(x); let v = 0; for (const b of blocks) if (r >= b.lo) v = b.v; return v * 0.999 + r * 0.001; };
}
