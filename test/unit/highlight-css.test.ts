// Each browser's highlights.css (scripts/highlight-css.mjs): Chromium's keeps the source's rules on
// :root, which every element inherits; Firefox, which does not inherit highlight styles, gets each
// rule for every element, with nothing else changed.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { highlightStylesFor } from '../../scripts/highlight-css.mjs';

const source = readFileSync('src/content/highlight/highlights.css', 'utf8');
const selectors = (css: string) => [...css.matchAll(/^([^\s/*}][^{}]*)\{/gm)].map((m) => m[1]!.trim());

describe('highlights.css per browser', () => {
  it('sets every rule of the source on :root', () => {
    const rules = selectors(source);
    expect(rules.length).toBeGreaterThanOrEqual(4);
    expect(rules.every((s) => /^:root::highlight\(sound-familiar-[a-z]+\)$/.test(s))).toBe(true);
  });

  it('gives Chromium the source as it is', () => {
    expect(highlightStylesFor(source, 'chrome')).toBe(source);
  });

  it('gives Firefox every rule for every element, and changes nothing else', () => {
    const firefox = highlightStylesFor(source, 'firefox');
    expect(selectors(firefox)).toEqual(selectors(source).map((s) => s.replace(/^:root/, '')));
    expect(firefox.replaceAll('\n::highlight(', '\n:root::highlight(')).toBe(source);
  });
});
