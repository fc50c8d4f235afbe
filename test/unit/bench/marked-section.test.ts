// The one way BENCHMARKS.md's scripts find and replace their sections.

import { describe, expect, it } from 'vitest';
import { findSection, replaceSection, sectionMarkers } from '../../../bench/marked-section.mjs';

const FILE = ['# Benchmarks', '', '<!-- a:start -->', 'old a', '<!-- a:end -->', '', '## Next', ''].join('\n');

describe('marked sections of BENCHMARKS.md', () => {
  it('finds a section with its markers, and nothing where a marker is missing', () => {
    expect(findSection(FILE, 'a')).toBe('<!-- a:start -->\nold a\n<!-- a:end -->');
    expect(findSection(FILE, 'b')).toBeUndefined();
    expect(findSection('<!-- a:start -->\nno end', 'a')).toBeUndefined();
    expect(findSection('<!-- a:end -->\n<!-- a:start -->', 'a')).toBeUndefined();
  });

  it('replaces only the section, keeping what follows it, with or without a line break at the section\'s end', () => {
    const { start, end } = sectionMarkers('a');
    const want = ['# Benchmarks', '', start, 'new a', end, '', '## Next', ''].join('\n');
    expect(replaceSection(FILE, 'a', `${start}\nnew a\n${end}\n`)).toBe(want);
    expect(replaceSection(FILE, 'a', `${start}\nnew a\n${end}`)).toBe(want);
  });

  it('takes the section as plain text, and says when there is nothing to replace', () => {
    expect(replaceSection(FILE, 'a', '<!-- a:start -->\n$& costs $1\n<!-- a:end -->')).toContain('\n$& costs $1\n');
    expect(replaceSection(FILE, 'b', '<!-- b:start -->\n<!-- b:end -->')).toBeNull();
  });
});
