import { describe, expect, it } from 'vitest';
import { holderOn, readsAsHolder, titleAliasSpecs, titleEntries, type TitleEntry } from '../../../../src/shared/knowledge/titles';
import { CASE_SENSITIVE, NEEDS_CONTEXT, PRIVATE } from '../../../../src/shared/matcher/alias-rules';
import type { Role } from '../../../../src/shared/types';
import { kbEntities } from '../../helpers/kb';

const role = (from: string, to: string | undefined, titles: string[]): Role => ({ title: 'x', body: 'y', from, ...(to ? { to } : {}), titles, src: [0] });

describe('titleEntries', () => {
  it('makes one entry per person, title and span, joining spans that meet', () => {
    const entries = titleEntries([
      { kind: 'body', roles: [role('2010', undefined, ['Housing Secretary'])] },
      { kind: 'person', roles: [
        role('2016-07-14', '2018-01-08', ['Communities Secretary']),
        role('2018-01-08', '2018-04-30', ['Communities Secretary', 'Housing Secretary']),
        role('2019-07', '2020-02-13', ['Chancellor']),
      ] },
    ]);
    expect(entries).toEqual([
      { entity: 1, title: 'Communities Secretary', from: '2016-07-14', to: '2018-04-30' },
      { entity: 1, title: 'Housing Secretary', from: '2018-01-08', to: '2018-04-30' },
      { entity: 1, title: 'Chancellor', from: '2019-07', to: '2020-02-13' },
    ]);
  });

  it('keeps separate spans apart (Gove was Communities Secretary twice) and an open span open', () => {
    const entries = titleEntries([{ kind: 'person', roles: [
      role('2021-09-15', '2022-07-06', ['Communities Secretary']),
      role('2022-10-25', '2024-07-05', ['Communities Secretary']),
      role('2024-07-08', undefined, ['Minister for the Cabinet Office']),
    ] }]);
    expect(entries.map((e) => [e.from, e.to])).toEqual([['2021-09-15', '2022-07-06'], ['2022-10-25', '2024-07-05'], ['2024-07-08', undefined]]);
  });

  it('gives a one-word title ("Chancellor") exact case, a title every country has the need for context; a user\'s title stays private', () => {
    const holders = [{ kind: 'person' as const, origin: 'builtin' as const }, { kind: 'person' as const, origin: 'user' as const }];
    const specs = titleAliasSpecs([
      { entity: 0, title: 'Chancellor', from: '2019' },
      { entity: 0, title: 'Housing Secretary', from: '2019' },
      { entity: 1, title: 'Housing Secretary', from: '2019' },
      { entity: 0, title: 'Prime Minister', from: '2019' },
    ], holders, 100);
    expect(specs).toEqual([
      { text: 'Chancellor', entity: 100, flags: CASE_SENSITIVE | NEEDS_CONTEXT },
      { text: 'Housing Secretary', entity: 101, flags: 0 },
      { text: 'Housing Secretary', entity: 102, flags: PRIVATE },
      // Every country has a prime minister: a foreign page's "the prime minister" is not the UK's.
      { text: 'Prime Minister', entity: 103, flags: NEEDS_CONTEXT },
    ]);
  });
});

describe('holderOn', () => {
  const e = (entity: number, from: string, to?: string): TitleEntry => ({ entity, title: 't', from, ...(to ? { to } : {}) });

  it('is whoever held the post on the date, and nobody outside every span', () => {
    const entries = [e(1, '2016-07-14', '2018-04-30'), e(2, '2018-04-30', '2019-07-24'), e(3, '2019-07-24', '2021-09-15')];
    expect(holderOn(entries, '2017-03-01')?.entity).toBe(1);
    expect(holderOn(entries, '2020-06')?.entity).toBe(3);
    expect(holderOn(entries, '2015-01-01')).toBeUndefined();
    expect(holderOn(entries, '2022-01-01')).toBeUndefined();
  });

  it('gives the handover day, at the precision the dates are known, to the newcomer', () => {
    expect(holderOn([e(1, '2016-07-14', '2018-04-30'), e(2, '2018-04-30')], '2018-04-30')?.entity).toBe(2);
    expect(holderOn([e(1, '2010-05', '2012-09'), e(2, '2012-09', '2014-07-15')], '2012-09-10')?.entity).toBe(2);
  });

  it('names nobody where several held it at once (a team of Cabinet Office ministers)', () => {
    expect(holderOn([e(1, '2020-02', '2021-09'), e(2, '2019-07-26', '2021-09')], '2020-06-01')).toBeUndefined();
  });

  it('reads the real knowledge: Communities Secretary 2017, Housing Secretary June 2020, GCDO today', () => {
    const entities = kbEntities();
    const entries = titleEntries(entities);
    const holder = (title: string, date: string) => {
      const h = holderOn(entries.filter((x) => x.title === title), date);
      return h ? entities[h.entity]!.id : undefined;
    };
    expect(holder('Communities Secretary', '2017-05-01')).toBe('sajid-javid');
    expect(holder('Housing Secretary', '2020-06-15')).toBe('robert-jenrick');
    expect(holder('Minister for the Cabinet Office', '2016-09-01')).toBe('ben-gummer');
    expect(holder('Digital Minister', '2019-03-01')).toBe('margot-james');
    // Two digital ministers at once (DCMS and the Cabinet Office, 2020–21): the words alone cannot say which.
    expect(holder('Digital Minister', '2020-06-01')).toBeUndefined();
    expect(holder('Government Chief Digital Officer', '2023-05-01')).toBe('mike-potter');
    expect(holder('Government Chief Digital Officer', '2026-12-01')).toBeUndefined();
    expect(holder('Communities Secretary', '2026-12-01')).toBe('steve-reed');
  });
});

describe('readsAsHolder', () => {
  it('reads a plain title as the holder', () => {
    expect(readsAsHolder('Yesterday the ', ' said councils')).toBe(true);
    expect(readsAsHolder('On Tuesday, the ', ' said')).toBe(true);
    expect(readsAsHolder('Last week, the ', ', who was in Leeds, said')).toBe(true);
    expect(readsAsHolder('The ', "'s letter")).toBe(true);
    expect(readsAsHolder('a letter from the UK ', '.')).toBe(true);
    expect(readsAsHolder('a letter from the UK Government’s ', '.')).toBe(true);
  });

  it('does not where the words make it someone else', () => {
    for (const before of ['the former ', 'the shadow ', 'Former ', 'the then ', 'ex-', 'the Welsh ', 'the Australian ', "Labour's ", 'Vice-', 'as a ', 'every ', 'the Scottish Government’s ', 'Welsh Government ']) {
      expect(readsAsHolder(before, ' said')).toBe(false);
    }
  });

  it('does not where it introduces a name or continues into another post', () => {
    expect(readsAsHolder('the ', ' Michael Gove said')).toBe(false);
    expect(readsAsHolder('', ' Mr Javid said')).toBe(false);
    expect(readsAsHolder('the ', ', Sajid Javid, said')).toBe(false);
    expect(readsAsHolder('Sajid Javid, the ', ', said')).toBe(false);
    expect(readsAsHolder('said Robert Jenrick, ', '.')).toBe(false);
    expect(readsAsHolder('the ', ' The Rt Hon Robert Jenrick MP')).toBe(false);
    expect(readsAsHolder('the ', ' of Australia')).toBe(false);
    expect(readsAsHolder('the ', ' for Wales')).toBe(false);
  });
});
