// Approximate substring search (Sellers' dynamic programme): the span of `text` with the fewest
// edits from `pattern`. Used only when a quote is no longer found verbatim, and bounded in cost
// by the caller, because it is O(text × pattern).

export interface ApproximateMatch {
  start: number;
  end: number;
  /** Edits (insertions, deletions, substitutions) between the span and the pattern. */
  distance: number;
}

/** Best match of `pattern` in text[from, to); ties go to the end nearest `near`. */
export function approximateSearch(text: string, pattern: string, from = 0, to = text.length, near = from): ApproximateMatch | null {
  const m = pattern.length;
  if (m === 0 || to <= from) return null;
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  let prevStart = new Int32Array(m + 1);
  let curStart = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) {
    prev[i] = i;
    prevStart[i] = from;
  }
  let best: ApproximateMatch | null = null;
  for (let j = from; j < to; j++) {
    const c = text.charCodeAt(j);
    cur[0] = 0;
    curStart[0] = j + 1;
    for (let i = 1; i <= m; i++) {
      let d = prev[i - 1]! + (pattern.charCodeAt(i - 1) === c ? 0 : 1);
      let s = i === 1 ? j : prevStart[i - 1]!;
      if (prev[i]! + 1 < d) {
        d = prev[i]! + 1;
        s = prevStart[i]!;
      }
      if (cur[i - 1]! + 1 < d) {
        d = cur[i - 1]! + 1;
        s = curStart[i - 1]!;
      }
      cur[i] = d;
      curStart[i] = s;
    }
    const distance = cur[m]!;
    if (!best || distance < best.distance || (distance === best.distance && Math.abs(j + 1 - near) < Math.abs(best.end - near))) {
      best = { start: curStart[m]!, end: j + 1, distance };
    }
    [prev, cur] = [cur, prev];
    [prevStart, curStart] = [curStart, prevStart];
  }
  return best;
}
