// How every alias begins, for the whole-page prefilter (prefilter.ts), as one regular expression:
// the first three characters of each alias with its spaces left out (or the whole alias, where it
// has fewer), folded as the matcher folds, with whitespace and dropped characters allowed between
// them as the matcher allows. The browser's own regular-expression engine then finds the few
// places worth a walk through the trie; a loop in the content script, run once per page before
// anything is optimised, cost as much per character as the DOM walk it was meant to save.
//
// Only ASCII is spelt out. Any other character (é, ’, ｅ, Cyrillic…) may fold to anything, so one
// at any of the three places is a beginning. The ASCII classes never overlap each other or the
// whitespace between them, so the engine never backtracks more than one step.

import type { Automaton } from '../../shared/matcher/automaton';
import { SPACE } from '../../shared/normalise';

/**
 * Beyond this many aliases (distinct folded texts) there is no expression: nearly every page names
 * one of them (every corpus page does at the benchmark's 10k and 50k), so the prefilter would only
 * add its cost, and the expression would grow past what the engine scans quickly.
 */
const MAX_PATTERNS = 5000;
/** Nor beyond this many beginnings of three characters. */
const MAX_TRIPLES = 4000;
const cache = new WeakMap<Automaton, RegExp | null>();

interface Beginning {
  /** Some alias ends here (within its first three kept characters). */
  end: boolean;
  next: Map<number, Beginning>;
}

/**
 * A global expression that can match at every place an alias of `a` may begin, or null where the
 * dictionary is too big for one to pay (cached per automaton).
 */
export function aliasStarts(a: Automaton): RegExp | null {
  let re = cache.get(a);
  if (re === undefined) {
    const top = a.patternVariantStart.length - 1 > MAX_PATTERNS ? null : beginnings(a, 3);
    re = top && count(top, 0) <= MAX_TRIPLES ? new RegExp(`${OTHER}|${source(top)}`, 'g') : null;
    cache.set(a, re);
  }
  return re;
}

/** The tree of `a`'s aliases' first `depth` kept characters, ASCII only. */
function beginnings(a: Automaton, depth: number): Beginning {
  const top: Beginning = { end: false, next: new Map() };
  const stack: [node: number, depth: number, at: Beginning][] = [[0, 0, top]];
  while (stack.length > 0) {
    const [node, d, at] = stack.pop()!;
    if (d > 0 && (a.nodePattern[node]! >= 0 || a.nodePattern[spaceChild(a, node)]! >= 0)) at.end = true;
    if (d === depth) continue;
    for (let e = a.nodeEdgeStart[node]!; e < a.nodeEdgeStart[node + 1]!; e++) {
      const c = a.edgeChar[e]!;
      const child = a.edgeTarget[e]!;
      if (c === SPACE) {
        stack.push([child, d, at]); // not a kept character
      } else if (c < 0x80) {
        let sub = at.next.get(c);
        if (!sub) at.next.set(c, (sub = { end: false, next: new Map() }));
        stack.push([child, d + 1, sub]);
      } // any other character is OTHER, which matches wherever it stands
    }
  }
  return top;
}

function count(b: Beginning, depth: number): number {
  if (depth === 2) return b.next.size;
  let n = 0;
  for (const sub of b.next.values()) n += count(sub, depth + 1);
  return n;
}

/** The child of `node` on a space, or the root (which ends no alias) where there is none. */
function spaceChild(a: Automaton, node: number): number {
  for (let e = a.nodeEdgeStart[node]!; e < a.nodeEdgeStart[node + 1]! && a.edgeChar[e]! <= SPACE; e++) if (a.edgeChar[e] === SPACE) return a.edgeTarget[e]!;
  return 0;
}

const hex = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;
/**
 * Any run of whitespace and dropped characters (NUL among them): what the matcher reads past
 * (normalise.ts's isWhitespace and DROPPED; prefilter.browser.test.ts checks every code unit).
 * Written with `\s`, which the engine matches several times faster than the same set spelt out.
 */
export const GAP = '[\\s\\u0000\\u00ad\\u200b-\\u200d\\u2060]*';
/** Any character beyond ASCII that is not skipped. */
export const OTHER = '[\\u0080-\\u009f\\u00a1-\\u00ac\\u00ae-\\u167f\\u1681-\\u1fff\\u200e-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2061-\\u2fff\\u3001-\\ufefe\\uff00-\\uffff]';

/** The expression for `b`'s continuations: each ASCII character in either case, or OTHER. */
function source(b: Beginning): string {
  const alternatives: string[] = [];
  for (const [c, sub] of b.next) {
    const lower = String.fromCharCode(c);
    const upper = lower.toUpperCase();
    const cls = `[${hex(c)}${upper !== lower && upper.length === 1 ? hex(upper.charCodeAt(0)) : ''}]`;
    if (sub.next.size === 0) alternatives.push(cls);
    // After the gap, any character beyond ASCII: the gap's own (a no-break space) as well, which
    // costs a needless walk but keeps the expression small and its backtracking to one step.
    else alternatives.push(`${cls}(?:${GAP}(?:${source(sub)}|[\\u0080-\\uffff]))${sub.end ? '?' : ''}`);
  }
  return alternatives.length === 1 ? alternatives[0]! : `(?:${alternatives.join('|')})`;
}
