// Finds dictionary matches in normalised text: every occurrence that sits on word boundaries and
// passes its alias's case and domain rules, then keeps the leftmost-longest non-overlapping set.
// Page-level rules (context, publication date) are applied later, in shared/precision.ts.

import { isWordChar, type NormalisedText } from '../normalise';
import { CASE_SENSITIVE, DOMAIN_LIKE } from './alias-rules';
import { step, type Automaton } from './automaton';

/** A match in normalised offsets, with the alias variants (entity + flags) that accept it. */
export interface TextMatch {
  start: number;
  end: number;
  /** Indexes into the automaton's variant arrays. */
  variants: number[];
}

export interface Searcher {
  automaton: Automaton;
  /** Root transitions for every UTF-16 unit: most characters of a page leave the root at once. */
  rootNext: Int32Array;
}

export function createSearcher(automaton: Automaton): Searcher {
  const rootNext = new Int32Array(0x10000);
  for (let e = automaton.nodeEdgeStart[0]!; e < automaton.nodeEdgeStart[1]!; e++) {
    rootNext[automaton.edgeChar[e]!] = automaton.edgeTarget[e]!;
  }
  return { automaton, rootNext };
}

/** All accepted matches in `text`, leftmost-longest, non-overlapping, in order. */
export function findMatches(searcher: Searcher, text: NormalisedText): TextMatch[] {
  const { automaton: a, rootNext } = searcher;
  const { folded } = text;
  const found: TextMatch[] = [];
  let node = 0;
  for (let i = 0, n = folded.length; i < n; i++) {
    const c = folded.charCodeAt(i);
    for (;;) {
      if (node === 0) {
        node = rootNext[c]!;
        break;
      }
      const next = step(a, node, c);
      if (next >= 0) {
        node = next;
        break;
      }
      node = a.fail[node]!;
    }
    if (node === 0) continue;
    let out = a.nodePattern[node]! >= 0 ? node : a.outputLink[node]!;
    while (out >= 0) {
      const pattern = a.nodePattern[out]!;
      const end = i + 1;
      const match = accept(a, text, pattern, end - a.patternLength[pattern]!, end);
      if (match) found.push(match);
      out = a.outputLink[out]!;
    }
  }
  return leftmostLongest(found);
}

function accept(a: Automaton, text: NormalisedText, pattern: number, start: number, end: number): TextMatch | null {
  const { exact } = text;
  const first = exact.charCodeAt(start);
  const last = exact.charCodeAt(end - 1);
  if (isWordChar(first) && start > 0 && isWordChar(exact.charCodeAt(start - 1))) return null;
  if (isWordChar(last) && end < exact.length && isWordChar(exact.charCodeAt(end))) return null;

  const variants: number[] = [];
  for (let v = a.patternVariantStart[pattern]!; v < a.patternVariantStart[pattern + 1]!; v++) {
    const flags = a.variantFlags[v]!;
    if (flags & CASE_SENSITIVE && exact.slice(start, end) !== a.variantExact[v]) continue;
    if (flags & DOMAIN_LIKE && isPartOfAddress(exact, start, end)) continue;
    variants.push(v);
  }
  return variants.length > 0 ? { start, end, variants } : null;
}

/** `gov.uk` inside `www.gov.uk/guidance`, `name@gov.uk` or `my-gov.uk:443` is an address, not a mention. */
function isPartOfAddress(exact: string, start: number, end: number): boolean {
  const before = exact.charCodeAt(start - 1);
  if (before === 0x2e || before === 0x2f || before === 0x40 || before === 0x2d) return true; // . / @ -
  const after = exact.charCodeAt(end);
  if (after === 0x2f || after === 0x3f || after === 0x23) return true; // / ? #
  const next = exact.charCodeAt(end + 1);
  if (after === 0x3a) return next >= 0x30 && next <= 0x39; // :443, but not "gov.uk: the site"
  return after === 0x2e && isWordChar(next);
}

/** Keeps the leftmost match, and of those starting together the longest; drops overlaps. */
export function leftmostLongest(matches: TextMatch[]): TextMatch[] {
  if (matches.length < 2) return matches;
  matches.sort((x, y) => x.start - y.start || y.end - x.end);
  const kept: TextMatch[] = [];
  let reach = -1;
  for (const m of matches) {
    if (m.start >= reach) {
      kept.push(m);
      reach = m.end;
    }
  }
  return kept;
}
