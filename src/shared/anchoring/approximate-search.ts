// Approximate substring search: the span of `text` with the fewest edits from `pattern`. Used
// only when a quote is no longer found verbatim. The search itself is approx-string-match (Myers'
// bit-parallel algorithm, what the Hypothesis client uses): about (edits allowed / 32) × text
// steps, where the dynamic programme it replaced cost text × pattern and had to be capped.

import search from 'approx-string-match';

export interface ApproximateMatch {
  start: number;
  end: number;
  /** Edits (insertions, deletions, substitutions) between the span and the pattern. */
  distance: number;
}

/**
 * Best match of `pattern` in text[from, to) with at most `maxEdits` edits (any number, unless
 * told), or null; ties go to the end nearest `near`, then to the earliest.
 */
export function approximateSearch(
  text: string,
  pattern: string,
  from = 0,
  to = text.length,
  near = from,
  maxEdits = pattern.length,
): ApproximateMatch | null {
  if (pattern.length === 0 || to <= from || maxEdits < 0) return null;
  // Every match returned has the same, lowest, number of edits.
  const matches = search(text.slice(from, to), pattern, maxEdits);
  let best: { end: number; errors: number } | null = null;
  for (const m of matches) {
    const end = from + m.end;
    if (!best || Math.abs(end - near) < Math.abs(best.end - near)) best = { end, errors: m.errors };
  }
  if (!best) return null;
  return { start: startOf(text, pattern, from, best.end, best.errors), end: best.end, distance: best.errors };
}

/**
 * Where the span ending at `end` with `errors` edits from `pattern` begins (the longest such span).
 * The library's own start can be off where the pattern's first letters were substituted ("b" in
 * "aa" is one edit, but its start made the span "aa", two), so the start is found here: edit
 * distances of the pattern's tail to the text's tail, read backwards from `end`. About pattern ×
 * (pattern + errors) steps, once per search.
 */
function startOf(text: string, pattern: string, from: number, end: number, errors: number): number {
  const m = pattern.length;
  const reach = Math.min(end - from, m + errors);
  // prev[j]: edits between the last i letters of the pattern and the j letters of text before `end`.
  let prev = Int32Array.from({ length: reach + 1 }, (_, j) => j);
  let cur = new Int32Array(reach + 1);
  for (let i = 1; i <= m; i++) {
    const p = pattern.charCodeAt(m - i);
    cur[0] = i;
    for (let j = 1; j <= reach; j++) {
      const substitute = prev[j - 1]! + (text.charCodeAt(end - j) === p ? 0 : 1);
      cur[j] = Math.min(substitute, prev[j]! + 1, cur[j - 1]! + 1);
    }
    [prev, cur] = [cur, prev];
  }
  for (let j = reach; j >= 0; j--) if (prev[j] === errors) return end - j;
  return end; // unreachable: the search found a span with `errors` edits ending here
}
