import { describe, expect, it } from 'vitest';
import raw from '../../../src/data/kb.json';
import seed from '../../../../shared/kb/seed-kb.json';
import { builtinEntities } from '../../../src/background/builtin-kb';
import { backgroundValidators } from '../../../src/shared/messages';

const good = {
  id: 'good-entity',
  kind: 'body',
  name: 'Good Body',
  aliases: ['Good Body', 'GB'],
  summary: 'A body.',
  events: [{ date: '2015-07-03', text: 'Formed.', src: [0] }],
  sources: [{ title: 'A source', url: 'https://example.org/a', date: '2015-07' }],
  confidence: 'sourced',
};

describe('builtinEntities on the shipped knowledge base', () => {
  const entities = builtinEntities();

  type RawEvent = { date: unknown; text: string; confidence?: string };
  const rawEvents = (raw as { id: string; events: RawEvent[] }[]).flatMap((e) => e.events.map((ev) => ({ id: e.id, ...ev })));

  it('keeps all 44 entities and about 190 events', () => {
    expect(entities).toHaveLength(44);
    expect(entities.filter((e) => e.kind === 'person')).toHaveLength(20);
    expect(entities.filter((e) => e.kind === 'initiative')).toHaveLength(15);
    expect(entities.filter((e) => e.kind === 'body')).toHaveLength(9);
    const events = entities.reduce((n, e) => n + e.events.length, 0);
    expect(events).toBeGreaterThanOrEqual(180);
  });

  // Regression test: this failed before the fix in the same commit.
  it('keeps every event of the shipped knowledge base', () => {
    const dropped = rawEvents.filter((r) => !entities.find((e) => e.id === r.id)!.events.some((ev) => ev.text === r.text));
    expect(dropped.map((d) => `${d.id} ${String(d.date)}`)).toEqual([]);
  });

  it('keeps the facts of the researched seed file (src/data/kb.json is a faithful copy)', () => {
    expect(builtinEntities(seed)).toEqual(entities);
  });

  it('preserves sources with their https URLs and every event citation', () => {
    const gds = entities.find((e) => e.id === 'gds')!;
    const rawGds = (raw as typeof good[]).find((e) => e.id === 'gds')!;
    expect(gds.sources).toHaveLength(rawGds.sources.length);
    expect(gds.sources.every((s) => s.url === undefined || /^https:\/\//.test(s.url))).toBe(true);
    expect(gds.events.map((e) => e.src)).toEqual(rawGds.events.map((e) => e.src));
    const withUrl = (raw as typeof good[]).flatMap((e) => e.sources).filter((s) => typeof s.url === 'string' && s.url.startsWith('https:')).length;
    expect(entities.flatMap((e) => e.sources).filter((s) => s.url).length).toBe(withUrl);
  });

  it('keeps event-level confidence where the source file has it', () => {
    const alliance = entities.find((e) => e.id === 'local-digital-alliance')!;
    expect(alliance.events[0]!.confidence).toBe('uncertain');
    expect(alliance.events[1]!.confidence).toBeUndefined();
    let uncertain = 0;
    for (const e of entities) {
      for (const ev of e.events) {
        const source = rawEvents.find((r) => r.id === e.id && r.text === ev.text)!;
        expect(ev.confidence).toBe(source.confidence);
        if (ev.confidence) uncertain++;
      }
    }
    expect(uncertain).toBeGreaterThan(0);
  });

  it('gives every entity an id the message contract accepts (else its card could never load)', () => {
    expect(entities.filter((e) => !backgroundValidators['entity/get']({ id: e.id })).map((e) => e.id)).toEqual([]);
  });

  it('has unique ids', () => {
    expect(new Set(entities.map((e) => e.id)).size).toBe(entities.length);
  });
});

describe('builtinEntities on hostile or malformed data', () => {
  it('returns nothing for a non-array', () => {
    expect(builtinEntities({})).toEqual([]);
    expect(builtinEntities(null)).toEqual([]);
    expect(builtinEntities('[]')).toEqual([]);
  });

  it('keeps a well-formed entity as it is', () => {
    expect(builtinEntities([good])).toEqual([good]);
  });

  it('drops entries without a string id, a known kind or a string name', () => {
    const bad = [null, 1, 'x', [], {}, { ...good, id: 3 }, { ...good, kind: 'company' }, { ...good, kind: undefined }, { ...good, name: null }];
    expect(builtinEntities([...bad, good]).map((e) => e.id)).toEqual(['good-entity']);
  });

  it('drops source URLs that are not https, keeping the source itself so citations still line up', () => {
    const [e] = builtinEntities([{ ...good, sources: [
      { title: 'JS', url: 'javascript:alert(1)' },
      { title: 'Data', url: 'data:text/html,hi' },
      { title: 'Relative', url: '/x' },
      { title: 'Plain http', url: 'http://example.org/ok' },
      { title: 'OK', url: 'https://example.org/ok' },
    ], events: [{ date: '2015', text: 'x', src: [0, 4] }] }]);
    expect(e!.sources).toEqual([{ title: 'JS' }, { title: 'Data' }, { title: 'Relative' }, { title: 'Plain http' }, { title: 'OK', url: 'https://example.org/ok' }]);
    expect(e!.events[0]!.src).toEqual([0, 4]);
  });

  it('drops events with invalid dates or no text, and invalid source dates', () => {
    const [e] = builtinEntities([{ ...good,
      sources: [{ title: 'S', date: '15 July 2015' }],
      events: [
        { date: '2015-7-3', text: 'bad date', src: [] },
        { date: '2015/07/03', text: 'bad date', src: [] },
        { date: 'soon', text: 'bad date', src: [] },
        { date: 2015, text: 'number date', src: [] },
        { date: '2015', src: [] },
        null,
        { date: '2016-02', text: 'kept', src: [] },
      ] }]);
    expect(e!.events.map((ev) => ev.text)).toEqual(['kept']);
    expect(e!.sources).toEqual([{ title: 'S' }]);
  });

  it('drops citations that point at no source, and non-string aliases, outcomes and confidences', () => {
    const [e] = builtinEntities([{ ...good,
      aliases: ['GB', 7, null, { x: 1 }],
      events: [{ date: '2015', text: 't', src: [0, 1, -1, 0.5, '0'], outcome: 5, confidence: { level: 'high' } }] }]);
    expect(e!.aliases).toEqual(['GB']);
    expect(e!.events[0]).toEqual({ date: '2015', text: 't', src: [0] });
  });

  it('fills defaults for a missing summary and confidence', () => {
    const { summary: _s, confidence: _c, ...bare } = good;
    const [e] = builtinEntities([bare]);
    expect(e!.summary).toBe('');
    expect(e!.confidence).toBe('sourced');
  });
});
