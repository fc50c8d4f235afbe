// Types for scripts/highlight-css.mjs, for the TypeScript that imports it (test/unit/highlight-css.test.ts).

export function highlightStylesFor(css: string, browser: 'chrome' | 'firefox'): string;
