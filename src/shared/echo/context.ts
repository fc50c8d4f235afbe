// What the shipped knowledge says around an event beyond its own text: its entity's summary
// ("a no-code online form builder that lets teams replace PDF forms"). Indexed as a second,
// down-weighted field of the item (bm25.ts, BM25F-style), so that a paraphrase has more words to
// meet. Sources' titles and notes and the entity's aliases were tried as well and left out: they
// lowered the cross-validated numbers (BENCHMARKS.md, "Sound familiar? echoes").

/** Stems of month names (as tokenize.ts and stem.ts leave them); "may" is a stop word already. */
const MONTH = /^(?:januari|februari|march|april|june|juli|august|septemb|octob|novemb|decemb)$/;

/**
 * A context term worth keeping: no number, sum or month. A summary is written today and says what
 * became of the thing ("went live on 24 February 2025", "£16m to 61 projects"): a later page that
 * reports those very facts would meet them in an older event's context, which is hindsight, not an
 * echo of what that event said.
 */
export function undatedTerm(term: string): boolean {
  return term.split(' ').every((w) => !/\d|£/.test(w) && !MONTH.test(w));
}

/** The event's context text: its entity's summary, or '' where there is none. */
export function eventContext(e: { summary?: string }): string {
  return e.summary ?? '';
}
