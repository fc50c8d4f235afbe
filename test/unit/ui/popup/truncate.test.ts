import { describe, expect, it } from 'vitest';
import { truncate } from '../../../../src/ui/shared/truncate';

describe('truncate', () => {
  it('leaves short text alone, apart from collapsing whitespace', () => {
    expect(truncate('  We will\n publish   it. ', 140)).toBe('We will publish it.');
  });
  it('cuts long text at a word boundary and adds an ellipsis', () => {
    const text = 'The government will replace GOV.UK Verify with a single sign-on for every central government service by 2025, the minister told the committee on Tuesday.';
    const short = truncate(text, 140);
    expect(short.endsWith('…')).toBe(true);
    expect(Array.from(short).length).toBeLessThanOrEqual(140);
    expect(text.startsWith(short.slice(0, -1))).toBe(true);
    expect(short.slice(0, -1).endsWith(' ')).toBe(false);
    expect(text.charAt(short.length - 1)).toBe(' ');
  });
  it('cuts inside a very long word rather than dropping most of the room', () => {
    const short = truncate('x'.repeat(300), 10);
    expect(short).toBe(`${'x'.repeat(9)}…`);
  });
  it('does not end on dangling punctuation', () => {
    expect(truncate('alpha beta, gamma delta epsilon', 13)).toBe('alpha beta…');
  });
  it('never splits a surrogate pair', () => {
    const short = truncate('😀'.repeat(20), 5);
    expect(short).toBe(`${'😀'.repeat(4)}…`);
  });
});
