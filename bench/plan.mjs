// How much the benchmark runs: the full plan (~15 min on 2 cores) and `--quick` (~2 min). Runs are
// cut on the 10 MB page and for mark.js there, where one run takes seconds; the report says so.

export const ENGINES = ['ours', 'regexp', 'markjs-regexp', 'markjs-array', 'floor'];
/** Engines whose work does not depend on the dictionary: measured once per page, reported per dictionary. */
export const PER_PAGE_ENGINES = new Set(['floor', 'markjs-array']);

export const FULL = {
  name: 'full',
  pages: ['yahoo-2', 'guardian-1', 'msn', 'nytimes-3', 'gen-2mb', 'gen-10mb'],
  dictionaries: ['kb', '1k', '10k', '50k'],
  engines: ENGINES,
  buildRuns: 5,
  setTimeoutMs: 240_000,
  counts(page, dictionary, engine) {
    if (page === 'gen-10mb') {
      if (engine === 'markjs-array') return { cold: 1, warm: 0, live: 0 };
      if (engine === 'markjs-regexp') return { cold: 1, warm: 2, live: 1 };
      return { cold: 1, warm: 3, live: 2 };
    }
    if (engine === 'markjs-array') return { cold: 1, warm: 2, live: 1 };
    return { cold: page.startsWith('gen-') ? 3 : 2, warm: 5, live: 3 };
  },
};

export const QUICK = {
  name: 'quick',
  pages: ['guardian-1', 'gen-2mb'],
  dictionaries: ['kb', '10k'],
  engines: ENGINES,
  buildRuns: 3,
  setTimeoutMs: 120_000,
  counts(page, dictionary, engine) {
    if (engine === 'markjs-array') return { cold: 1, warm: 0, live: 0 };
    return { cold: 1, warm: 3, live: 1 };
  },
};
