import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, fractionalYear, idf, makeQuery, scoreItem } from '../../../../src/shared/echo/bm25';
import { buildEchoIndex } from '../../../../src/shared/echo/index-build';
import { terms } from '../../../../src/shared/echo/tokenize';
import { ENTITIES } from './fixtures';

const index = buildEchoIndex(ENTITIES);
const item = (id: string) => index.items.find((i) => i.id === id)!;
const query = (text: string, entities: string[] = [], date = '2018-07-04') => makeQuery(index, terms(text).map((t) => t.term), entities, date);

describe('bm25', () => {
  it('gives rarer terms more weight', () => {
    expect(idf(index, 'arm')).toBeGreaterThan(idf(index, 'council'));
    expect(idf(index, 'never-seen')).toBeGreaterThan(idf(index, 'arm'));
  });

  it('scores the item sharing the rare words highest, and returns null with nothing shared', () => {
    const q = query('A fresh call to arms for local government digital');
    const javid = scoreItem(index, q, item('javid#0'))!;
    const coalition = scoreItem(index, q, item('ldc#0'));
    expect(javid.score).toBeGreaterThan(coalition?.score ?? 0);
    expect(javid.matched).toContain('arm');
    expect(scoreItem(index, query('Prescriptions for everyone'), item('javid#0'))).toBeNull();
  });

  it('weights a shared phrase above its two words apart', () => {
    const together = scoreItem(index, query('call to arms, local government'), item('javid#0'))!;
    const apart = scoreItem(index, query('government call, local arms'), item('javid#0'))!;
    expect(together.score).toBeGreaterThan(apart.score);
  });

  it('boosts an item that concerns the same entity', () => {
    const plain = scoreItem(index, query('a call to arms'), item('javid#0'))!;
    const named = scoreItem(index, query('a call to arms', ['javid']), item('javid#0'))!;
    expect(named.score).toBeCloseTo(plain.score * (1 + DEFAULT_PARAMS.entityBoost));
    expect(named.sharedEntities).toEqual(['javid']);
  });

  it('prefers the more recent of two equal matches', () => {
    const params = { ...DEFAULT_PARAMS, recencyPerYear: 0.1 };
    const q1 = makeQuery(index, ['council'], [], '2026-01', params);
    expect(scoreItem(index, q1, item('gds#1'), params)!.score).toBeGreaterThan(0);
    expect(fractionalYear('2017')).toBe(2017.5);
    expect(fractionalYear('2017-01-31')).toBeCloseTo(2017.04, 2);
  });

  it('raises each matched idf to idfPower, so one rare word outweighs generic ones', () => {
    const plain = { ...DEFAULT_PARAMS, idfPower: 1 };
    const steep = { ...DEFAULT_PARAMS, idfPower: 2 };
    const rare = query('arms');
    const generic = query('councils');
    const ratio = (p: typeof plain) => scoreItem(index, rare, item('javid#0'), p)!.score / scoreItem(index, generic, item('javid#0'), p)!.score;
    expect(ratio(steep)).toBeGreaterThan(ratio(plain));
    // One term alone: its score is its idf to the power, times the same term-frequency factor.
    const one = (p: typeof plain) => scoreItem(index, rare, item('javid#0'), p)!.score;
    expect(one(steep) / one(plain)).toBeCloseTo(idf(index, 'arm'));
  });

  it('reports coverage between 0 and 1', () => {
    const s = scoreItem(index, query('call to arms'), item('javid#0'))!;
    expect(s.coverage).toBeGreaterThan(0);
    expect(s.coverage).toBeLessThanOrEqual(1);
  });

  it("lets a term of the item's context field count, down-weighted, without calling it matched", () => {
    const summed = buildEchoIndex(ENTITIES.map((e) => (e.id === 'javid' ? { ...e, summary: 'A minister who wrote about prescriptions.' } : e)));
    const javid = summed.items.find((i) => i.id === 'javid#0')!;
    const q = makeQuery(summed, terms('Prescriptions and a call to arms').map((t) => t.term), [], '2018-07-04');
    const off = scoreItem(summed, q, javid, { ...DEFAULT_PARAMS, contextWeight: 0 })!;
    const on = scoreItem(summed, q, javid)!;
    expect(on.score).toBeGreaterThan(off.score);
    expect(on.matched).toEqual(off.matched);
    expect(on.coverage).toBe(off.coverage);
    const full = scoreItem(summed, q, javid, { ...DEFAULT_PARAMS, contextWeight: 1 })!;
    expect(full.score).toBeGreaterThan(on.score);
    // A sentence that meets the context field only still gets a score, with nothing matched.
    const only = scoreItem(summed, makeQuery(summed, ['prescript'], [], '2018-07-04'), javid)!;
    expect(only.score).toBeGreaterThan(0);
    expect(only.matched).toEqual([]);
  });
});

