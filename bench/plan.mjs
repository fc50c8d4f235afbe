// How much the benchmark runs: the full plan (~15 min on 2 cores) and `--quick` (~2 min). Runs are
// cut on the 10 MB page and for mark.js mark(array), where one run takes seconds; the report says so.

export const ENGINES = ['ours', 'regexp', 'markjs-regexp', 'markjs-array', 'floor'];
/** Engines whose work does not depend on the dictionary: measured once per page, reported per dictionary. */
export const PER_PAGE_ENGINES = new Set(['floor', 'markjs-array']);

/**
 * Per cell: `cold` fresh-tab cold runs, `warm` runs in one tab, `live` production-style runs each
 * followed by an append of 500 paragraphs, `phases` repeats of ours' stage breakdown, and
 * `coldLive` whether ours' first tab starts as the content script does (needed for the corpus
 * pages' longest-task target; skipped on the 10 MB page, where a tab takes ~10 s to load).
 */
export const FULL = {
  name: 'full',
  pages: ['yahoo-2', 'guardian-1', 'msn', 'nytimes-3', 'gen-2mb', 'gen-10mb'],
  dictionaries: ['kb', '1k', '10k', '50k'],
  /** Pages where each engine gets one tab for every dictionary (10k first, the only one with a cold run). */
  sharedTabPages: ['gen-10mb'],
  engines: ENGINES,
  buildRuns: 5,
  setTimeoutMs: 300_000,
  counts(page, dictionary, engine) {
    if (page === 'gen-10mb') {
      if (engine === 'markjs-array') return { cold: 1, warm: 0, live: 0 };
      const cold = dictionary === '10k' ? 1 : 0;
      if (engine === 'markjs-regexp') return { cold, warm: 2, live: 1 };
      return { cold, warm: 3, live: 1, phases: 1, coldLive: false };
    }
    if (engine === 'markjs-array') return { cold: 1, warm: page === 'gen-2mb' ? 1 : 2, live: 0 };
    // The 2 MB page carries the headline ratios, and single runs there vary by half: more samples.
    return { cold: page === 'gen-2mb' ? 2 : 1, warm: page === 'gen-2mb' ? 9 : 5, live: 2, phases: 3, coldLive: true };
  },
};

export const QUICK = {
  name: 'quick',
  pages: ['guardian-1', 'gen-2mb'],
  dictionaries: ['kb', '10k'],
  engines: ENGINES,
  buildRuns: 3,
  sharedTabPages: [],
  setTimeoutMs: 120_000,
  counts(page, dictionary, engine) {
    if (engine === 'markjs-array') return { cold: 1, warm: 0, live: 0 };
    return { cold: 1, warm: 3, live: 1, phases: 1, coldLive: true };
  },
};
