// Structural checks on the second held-out echo set (test/fixtures/echoes/heldout2-*.json): the
// files parse, have the promised sizes, every pair points at a built-in event that exists and is
// dated before the later announcement, and every source is complete with an https address. It
// checks the fixture only, never the echo engine, so it says nothing about how well the engine does.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CORE_PACK_FILES } from '../../../src/data/core-pack';

interface Source { title: string; publisher: string; url: string; date: string }
interface Pair { id: string; theme: string; later: { text: string; date: string; source: Source }; earlier: { ref: string; also: string[] } }
interface Negative { id: string; topic: string; nearMiss: boolean; text: string; date: string; source: Source }

const dir = new URL('../../fixtures/echoes/', import.meta.url);
const pairsFile = JSON.parse(readFileSync(new URL('heldout2-pairs.json', dir), 'utf8')) as { about: string; pairs: Pair[] };
const negativesFile = JSON.parse(readFileSync(new URL('heldout2-negatives.json', dir), 'utf8')) as { about: string; negatives: Negative[] };

// Event dates by entity id, in file order, so `id#index` can be looked up.
const eventDates = new Map<string, string[]>();
for (const file of Object.values(CORE_PACK_FILES)) {
  for (const raw of file) {
    const entity = raw as { id: string; events?: { date: string }[] };
    eventDates.set(entity.id, (entity.events ?? []).map((e) => e.date));
  }
}

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

// "Earlier" at the precision both dates share: a year-only date is not earlier than a day in that
// year, so a pair never rests on an ambiguous order.
function isEarlier(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) < b.slice(0, n);
}

function sourceProblems(where: string, s: Source): string[] {
  const problems: string[] = [];
  if (!s.title.trim() || !s.publisher.trim()) problems.push(`${where}: source lacks title or publisher`);
  if (!s.url.startsWith('https://')) problems.push(`${where}: source url is not https`);
  if (!DATE.test(s.date)) problems.push(`${where}: source date ${s.date} is not YYYY[-MM[-DD]]`);
  return problems;
}

describe('held-out echo set 2 (format only)', () => {
  it('has an about text and the promised sizes, each id once', () => {
    expect(pairsFile.about.length).toBeGreaterThan(100);
    expect(negativesFile.about.length).toBeGreaterThan(100);
    expect(pairsFile.pairs.length).toBeGreaterThanOrEqual(40);
    expect(negativesFile.negatives.length).toBeGreaterThanOrEqual(120);
    const ids = [...pairsFile.pairs.map((p) => p.id), ...negativesFile.negatives.map((n) => n.id)];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('points every pair at built-in events that exist and come before the later announcement', () => {
    const problems: string[] = [];
    for (const pair of pairsFile.pairs) {
      if (!DATE.test(pair.later.date)) problems.push(`${pair.id}: later date ${pair.later.date}`);
      if (!pair.theme.trim() || !pair.later.text.trim()) problems.push(`${pair.id}: empty theme or text`);
      problems.push(...sourceProblems(pair.id, pair.later.source));
      for (const ref of [pair.earlier.ref, ...pair.earlier.also]) {
        const [entityId = '', index = ''] = ref.split('#');
        const date = eventDates.get(entityId)?.[Number(index)];
        if (!/^\d+$/.test(index) || date === undefined) problems.push(`${pair.id}: no event ${ref}`);
        else if (!isEarlier(date, pair.later.date)) problems.push(`${pair.id}: ${ref} (${date}) is not before ${pair.later.date}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('dates and sources every negative', () => {
    const problems = negativesFile.negatives.flatMap((n) => [
      ...(DATE.test(n.date) ? [] : [`${n.id}: date ${n.date}`]),
      ...(n.text.trim() && n.topic.trim() ? [] : [`${n.id}: empty text or topic`]),
      ...sourceProblems(n.id, n.source),
    ]);
    expect(problems).toEqual([]);
  });
});
