// approximateSearch against a brute force: every span of the text, its Levenshtein distance to
// the pattern computed the textbook way. Small alphabets make near-misses and ties common.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approximateSearch } from '../../../../src/shared/anchoring/approximate-search';

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length]![b.length]!;
}

/** Best distance per span end, over every span [s, e) with from ≤ s ≤ e, from < e ≤ to. */
function bruteForce(text: string, pattern: string, from: number, to: number): Map<number, number> {
  const byEnd = new Map<number, number>();
  for (let e = from + 1; e <= to; e++) {
    let best = Infinity;
    for (let s = from; s <= e; s++) best = Math.min(best, levenshtein(text.slice(s, e), pattern));
    byEnd.set(e, best);
  }
  return byEnd;
}

const word = (alphabet: string, min: number, max: number) =>
  fc.array(fc.constantFrom(...alphabet.split('')), { minLength: min, maxLength: max }).map((cs) => cs.join(''));

const problem = fc
  .record({ text: word('abc ', 0, 14), pattern: word('abc ', 1, 6), a: fc.nat(), b: fc.nat(), c: fc.nat() })
  .map(({ text, pattern, a, b, c }) => {
    const from = text.length === 0 ? 0 : a % (text.length + 1);
    const to = from + (text.length - from === 0 ? 0 : b % (text.length - from + 1));
    const near = from + (c % (Math.max(1, to - from) + 1));
    return { text, pattern, from, to, near };
  });

describe('approximateSearch', () => {
  it('finds the smallest edit distance of any span, and reports a span with exactly that distance', () => {
    fc.assert(
      fc.property(problem, ({ text, pattern, from, to, near }) => {
        const match = approximateSearch(text, pattern, from, to, near);
        if (to <= from) {
          expect(match).toBeNull();
          return;
        }
        const byEnd = bruteForce(text, pattern, from, to);
        const min = Math.min(...byEnd.values());
        expect(match).not.toBeNull();
        expect(match!.distance).toBe(min);
        expect(match!.start).toBeGreaterThanOrEqual(from);
        expect(match!.start).toBeLessThanOrEqual(match!.end);
        expect(match!.end).toBeGreaterThan(from);
        expect(match!.end).toBeLessThanOrEqual(to);
        expect(levenshtein(text.slice(match!.start, match!.end), pattern)).toBe(match!.distance);
      }),
      { numRuns: 600 },
    );
  });

  it('breaks ties by the span end nearest `near`', () => {
    fc.assert(
      fc.property(problem, ({ text, pattern, from, to, near }) => {
        const match = approximateSearch(text, pattern, from, to, near);
        if (!match) return;
        const byEnd = bruteForce(text, pattern, from, to);
        const bestEnds = [...byEnd].filter(([, d]) => d === match.distance).map(([e]) => e);
        const nearest = Math.min(...bestEnds.map((e) => Math.abs(e - near)));
        expect(Math.abs(match.end - near)).toBe(nearest);
      }),
      { numRuns: 600 },
    );
  });

  it('finds an exact occurrence at distance 0 and a one-letter change at distance 1', () => {
    const text = 'The roadmap commits departments to hiring at least 500 new digital specialists by 2025.';
    expect(approximateSearch(text, 'digital specialists')).toEqual({ start: 59, end: 78, distance: 0 });
    expect(text.slice(59, 78)).toBe('digital specialists');
    expect(approximateSearch(text, 'digital specialist5')).toMatchObject({ start: 59, distance: 1 });
    expect(approximateSearch(text, 'digitl specialists')).toEqual({ start: 59, end: 78, distance: 1 });
  });

  it('searches only inside [from, to)', () => {
    const text = 'roadmap ... roadmap ... roadmap';
    expect(approximateSearch(text, 'roadmap', 1)).toMatchObject({ start: 12, distance: 0 });
    expect(approximateSearch(text, 'roadmap', 0, 5)).toMatchObject({ distance: 2 });
    expect(approximateSearch(text, 'roadmap', 0, text.length, text.length)).toMatchObject({ start: 24, distance: 0 });
    expect(approximateSearch(text, 'roadmap', 0, text.length, 0)).toMatchObject({ start: 0, distance: 0 });
  });

  it('returns null for an empty pattern or an empty window', () => {
    expect(approximateSearch('abc', '')).toBeNull();
    expect(approximateSearch('abc', 'a', 2, 2)).toBeNull();
    expect(approximateSearch('abc', 'a', 3, 1)).toBeNull();
  });
});
