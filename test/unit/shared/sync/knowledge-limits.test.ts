// The knowledge-base caps against what they protect: the dictionary compiled at the caps, from
// the worst text for its size (distinct random lower-case phrases, which the compiler also adds
// capitalised), must stay far below Chromium's 64 MB cap on one extension message.
import { describe, expect, it } from 'vitest';
import { builtinEntities } from '../../../../src/background/builtin-kb';
import { compileDictionary } from '../../../../src/shared/dictionary';
import { fileNamesProblem, KNOWLEDGE_LIMITS, knowledgeBaseProblem, nameTotals } from '../../../../src/shared/sync/knowledge-limits';

const CHROMIUM_MESSAGE_CAP = 64 * 1024 * 1024;

/** xorshift32: the same "random" phrases on every run. */
function phrases(seed: number) {
  let x = seed;
  const next = () => ((x ^= x << 13), (x ^= x >>> 17), (x ^= x << 5), (x >>> 0));
  const word = (n: number) => Array.from({ length: n }, () => String.fromCharCode(97 + (next() % 26))).join('');
  return (length: number) => {
    let s = word(1 + (next() % 9));
    while (s.length < length) s += ` ${word(1 + (next() % 9))}`;
    return s.slice(0, length).trimEnd().padEnd(length, 'q');
  };
}

describe('the compiled dictionary at the caps', () => {
  it('is at most a third of the message cap', () => {
    const builtins = builtinEntities().map((e) => ({ ...e, modified: 0 }));
    const used = nameTotals(builtins);
    const phrase = phrases(2024);
    const perEntity = KNOWLEDGE_LIMITS.aliasesPerEntity;
    const names = KNOWLEDGE_LIMITS.names - used.names;
    const length = Math.floor((KNOWLEDGE_LIMITS.nameChars - used.chars) / names);
    const users = Array.from({ length: Math.floor(names / perEntity) }, (_, i) => ({
      id: `user-entity-${String(i).padStart(70, '0')}`, kind: 'body' as const, name: phrase(length),
      aliases: Array.from({ length: perEntity - 1 }, () => phrase(length)), modified: 0,
    }));
    const all = [...builtins, ...users];
    const totals = nameTotals(all);
    expect(totals.names).toBeLessThanOrEqual(KNOWLEDGE_LIMITS.names);
    expect(totals.names).toBeGreaterThan(KNOWLEDGE_LIMITS.names - perEntity);
    expect(totals.chars).toBeLessThanOrEqual(KNOWLEDGE_LIMITS.nameChars);
    expect(totals.chars).toBeGreaterThan(KNOWLEDGE_LIMITS.nameChars * 0.97);
    const dictionary = compileDictionary(all, { exactCase: new Set(), contextOnly: new Set() }, {});
    const bytes = Buffer.byteLength(JSON.stringify(dictionary));
    // Measured 15.4 MB when the caps were set (16.3 MB for CJK text); the limit leaves room for the layout to change.
    expect(bytes).toBeLessThan(CHROMIUM_MESSAGE_CAP / 3);
    expect(bytes).toBeGreaterThan(10_000_000);
  });
});

describe('messages', () => {
  it('say how many there would be, how many there are, and the cap', () => {
    expect(knowledgeBaseProblem({ names: 20_001, chars: 10 }, { names: 19_990, chars: 9 })).toBe(
      'The knowledge base would then hold 20,001 names and aliases (it holds 19,990 now); at most 20,000 can be highlighted.');
    expect(knowledgeBaseProblem({ names: 10, chars: 1_000_001 }, { names: 9, chars: 999_000 })).toBe(
      'The knowledge base’s names and aliases would then come to 1,000,001 characters (999,000 now); at most 1,000,000 can be highlighted.');
    expect(fileNamesProblem({ names: 20_001, chars: 1 })).toBe('The file holds 20,001 entity names and aliases; at most 20,000 can be imported at once.');
  });

  it('let a knowledge base already over a cap shrink or stay as it is', () => {
    expect(knowledgeBaseProblem({ names: 25_000, chars: 10 }, { names: 25_000, chars: 10 })).toBeNull();
    expect(knowledgeBaseProblem({ names: 24_000, chars: 10 }, { names: 25_000, chars: 10 })).toBeNull();
    expect(knowledgeBaseProblem({ names: 25_001, chars: 10 }, { names: 25_000, chars: 10 })).not.toBeNull();
  });
});
