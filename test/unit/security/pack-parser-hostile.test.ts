// @vitest-environment happy-dom
// Security review of knowledge packs (issue 14): a pack file is written by whoever publishes at a
// URL, so it is hostile. These cases add to parse-pack.test.ts: prototype keys at every depth,
// the largest nesting that fits the size cap, every per-entity list cap, hidden or direction-
// changing characters in names, ids that reach outside the pack's namespace, links that are not
// https, and markup in every field the card shows.
import { describe, expect, it, vi } from 'vitest';
import { renderCard } from '../../../src/content/ui/card-view';
import { namespacedId, PACK_LIMITS } from '../../../src/shared/packs/pack-types';
import { parsePack } from '../../../src/shared/packs/parse-pack';
import type { Entity } from '../../../src/shared/types';
import { goodPack, packText, type Json } from '../../fixtures/packs/make-pack';
import { asStored } from '../helpers/kb';

function parsed(change: (pack: Json) => void) {
  const pack = goodPack();
  change(pack);
  return parsePack(packText(pack));
}

function errorsOf(change: (pack: Json) => void): string[] {
  const result = parsed(change);
  if (result.ok) throw new Error('expected the pack to be refused');
  return result.errors;
}

/** Every key of every object in `value`, at any depth. */
function allKeys(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value !== 'object' || value === null) return into;
  for (const key of Reflect.ownKeys(value)) {
    into.add(String(key));
    allKeys((value as Record<string, unknown>)[key as string], into);
  }
  return into;
}

describe('prototype keys at any depth', () => {
  const POISON = '{"polluted": true, "origin": "builtin", "userEdited": true, "packId": "core"}';
  const places: [string, (text: string) => string][] = [
    ['meta', (t) => t.replace('"id": "test-pack",', `"__proto__": ${POISON}, "id": "test-pack",`)],
    ['a source', (t) => t.replace('"title": "Launch notice",', `"__proto__": ${POISON}, "title": "Launch notice",`)],
    ['an event', (t) => t.replace('"date": "2019-04-01",', `"__proto__": ${POISON}, "date": "2019-04-01",`)],
    ['a citation', (t) => t.replace('"source": 0, "supports": "The notice', `"__proto__": ${POISON}, "source": 0, "supports": "The notice`)],
    ['precision', (t) => t.replace('"periods": {', `"__proto__": ${POISON}, "constructor": {"prototype": ${POISON}}, "periods": {`)],
    ['a period', (t) => t.replace('"from": "2020",', `"__proto__": ${POISON}, "from": "2020",`)],
  ];

  it.each(places)('a __proto__ key in %s is neither read nor copied, and pollutes nothing', (_where, inject) => {
    const text = inject(packText().replace(/\n\s*/g, ' '));
    expect(text).toContain('__proto__');
    const result = parsePack(text);
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (!result.ok) return;
    expect(({} as Json).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    const keys = allKeys(result.pack);
    for (const bad of ['__proto__', 'polluted', 'origin', 'userEdited', 'packId', 'constructor']) expect(keys.has(bad)).toBe(false);
    expect(result.pack.entities.every((e) => Object.getPrototypeOf(e) === Object.prototype)).toBe(true);
  });

  it('a period keyed __proto__, constructor or prototype sets nothing on the periods object', () => {
    const text = packText().replace('"test-programme": {', '"__proto__": {"from": "1900"}, "constructor": {"from": "1900"}, "prototype": {"from": "1900"}, "test-programme": {');
    const result = parsePack(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.keys(result.pack.precision!.periods!)).toEqual(['test-programme']);
    expect(Object.getPrototypeOf(result.pack.precision!.periods)).toBe(Object.prototype);
  });
});

describe('size and shape', () => {
  // A ceiling for a slow, shared machine, not a timing target.
  it('the deepest nesting that fits in the size cap is refused without a stack overflow', { timeout: 120_000 }, () => {
    const half = Math.floor((PACK_LIMITS.bytes - 200) / 2);
    const text = `{"format":1,"x":${'['.repeat(half)}${']'.repeat(half)}}`;
    expect(text.length).toBeLessThanOrEqual(PACK_LIMITS.bytes);
    const result = parsePack(text);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.errors[0]).toMatch(/nests more than|not valid JSON/);
  });

  it('a wide, shallow object within the size cap is read in one pass and refused for what it is', { timeout: 120_000 }, () => {
    const keys = Array.from({ length: 200_000 }, (_, i) => `"k${i}":0`).join(',');
    const result = parsePack(`{"format":1,"meta":{${keys}},"entities":[]}`);
    expect(result.ok).toBe(false);
  });

  it.each([
    ['sources', 'sources', 201, { title: 'S', publisher: 'P' }],
    ['events', 'events', 1001, { date: '2020', type: 'launch', text: 'x', confidence: 'unsourced' }],
    ['roles', 'roles', 101, { title: 'Chief executive', from: '2020' }],
    ['dated names', 'names', 21, { name: 'Old Name', from: '2001' }],
  ])('refuses too many %s on one entity without reading them', (_name, field, count, item) => {
    const errors = errorsOf((p) => { p.entities[0][field] = Array.from({ length: count }, () => item); });
    expect(errors).toContain(`entities[0] (test-body).${field}: has more than ${count - 1} items`);
    expect(errors.length).toBeLessThan(5);
  });

  it('refuses more than 50 citations on one event', () => {
    const errors = errorsOf((p) => { p.entities[0].events[0].src = Array.from({ length: 51 }, () => ({ source: 0, supports: 'x' })); });
    expect(errors).toContain('entities[0] (test-body).events[0].src: has more than 50 items');
  });

  it('caps the list of problems a reader is shown, however many there are', () => {
    const errors = errorsOf((p) => {
      delete p.precision;
      p.entities = Array.from({ length: 2000 }, (_, i) => ({ id: `e-${i}`, kind: 'body', name: 'the', aliases: ['of', 'and'] }));
    });
    expect(errors.length).toBeLessThanOrEqual(51);
    expect(errors.at(-1)).toMatch(/^…and \d+ more problems$/);
  });

  it.each([
    ['a long alias', (p: Json) => { p.entities[0].aliases.push('A'.repeat(121)); }, 'entities[0] (test-body).aliases[2]: is longer than 120 characters'],
    ['a long title', (p: Json) => { p.meta.title = 'T'.repeat(201); }, 'meta.title: is longer than 200 characters'],
    ['a long maintainer', (p: Json) => { p.meta.maintainer = 'M'.repeat(201); }, 'meta.maintainer: is longer than 200 characters'],
  ])('refuses %s', (_name, change, message) => {
    expect(errorsOf(change)).toContain(message);
  });
});

describe('names a matcher would light up everywhere, or that hide what they are', () => {
  it.each([
    ['a stop word split by a zero-width space', 't\u200Bhe', 'is a common word'],
    ['a stop word with a soft hyphen', 'th\u00ADe', 'is a common word'],
    ['a site word with an accent', 'Digítal', 'is a common word'],
    ['two letters padded with zero-width joiners', 'G\u200DD\u200D', 'shorter than 3 characters'],
    ['whitespace only', ' \u00A0\u2003 ', 'must not be empty'],
    ['punctuation only', '.*+?', 'has no letters or digits'],
    ['a right-to-left override', 'Office\u202Eecnaif', 'contains control or text-direction characters'],
    ['a bidi isolate', '\u2067Test Office\u2069', 'contains control or text-direction characters'],
    ['a left-to-right mark', 'Test\u200EOffice', 'contains control or text-direction characters'],
    ['a newline', 'Test\nOffice', 'contains control or text-direction characters'],
    ['an escape sequence', 'Test\u001B[31mOffice', 'contains control or text-direction characters'],
    ['a C1 control', 'Test\u0085Office', 'contains control or text-direction characters'],
  ])('refuses %s as an alias', (_name, alias, problem) => {
    const errors = errorsOf((p) => { p.entities[0].aliases.push(alias); });
    expect(errors.some((e) => e.startsWith('entities[0] (test-body).aliases[2]:') && e.includes(problem))).toBe(true);
  });

  it('refuses the same as a name, and as a longer notAlias', () => {
    expect(errorsOf((p) => { p.entities[0].name = 'Test\u202EOffice'; }).join('\n')).toContain('entities[0] (test-body).name:');
    expect(errorsOf((p) => { p.entities[0].notAliases = ['TDO\u202E Fund']; }).join('\n')).toContain('entities[0] (test-body).notAliases[0]: must be a longer name that contains one of the aliases');
  });

  it('quotes a refused alias with its hidden characters spelt out, so the message cannot disguise itself', () => {
    const [error] = errorsOf((p) => { p.entities[0].aliases.push('ok\u202Eevil'); });
    expect(error).toContain('\\u202e');
    expect(error).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });

  it('refuses contextAliases and anyCaseAliases that are not among its own names (they cannot smuggle a common word in)', () => {
    const errors = errorsOf((p) => { p.entities[0].contextAliases = ['the']; p.entities[0].anyCaseAliases = ['digital']; });
    expect(errors).toContain('entities[0] (test-body).contextAliases[0]: must also be one of aliases');
    expect(errors).toContain('entities[0] (test-body).anyCaseAliases[0]: must also be the name or one of aliases');
  });
});

describe('ids stay inside the pack\'s namespace', () => {
  it.each([
    ['a slash', 'gds/../x'],
    ['a colon', 'core:gds'],
    ['capitals', 'GDS'],
    ['a leading hyphen', '-gds'],
    ['a space', 'test body'],
    ['an underscore', '__proto__'],
    ['nothing', ''],
    ['a number', 7],
  ])('refuses an entity id with %s', (_name, id) => {
    const errors = errorsOf((p) => { p.entities[0].id = id; });
    expect(errors.some((e) => e.startsWith('entities[0]') && e.includes('.id'))).toBe(true);
  });

  it.each([['core'], ['user'], ['a'], ['x'.repeat(41)], ['my:pack'], ['my/pack'], ['My-Pack'], ['-pack'], ['pack\u200B']])('refuses the pack id %j', (id) => {
    expect(errorsOf((p) => { p.meta.id = id; }).some((e) => e.startsWith('meta.id:'))).toBe(true);
  });

  it('an entity that reuses a core id ("gds") is installed only under the pack\'s prefix', () => {
    const result = parsed((p) => { p.entities[0].id = 'gds'; });
    expect(result.ok).toBe(true);
    expect(namespacedId('test-pack', 'gds')).toBe('test-pack:gds');
  });

  it('a role may point at a body by id only in the id form (no namespace or path)', () => {
    const errors = errorsOf((p) => {
      p.entities[0].kind = 'person';
      p.entities[0].roles = [{ title: 'Chief executive', body: 'X', bodyId: 'core:gds', from: '2020', src: [{ source: 0, supports: 'x' }] }];
    });
    expect(errors).toContain('entities[0] (test-body).roles[0].bodyId: must be an entity id (lower-case letters, digits, hyphens)');
  });
});

describe('links are https only, wherever they are', () => {
  const NOT_HTTPS = ['http://example.org/x', 'javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', 'file:///etc/passwd',
    'ftp://example.org/x', '//example.org/x', '/relative', 'blob:https://example.org/uuid', 'chrome-extension://abc/x.html', `https://example.org/${'a'.repeat(2048)}`, 42, ['https://example.org']];

  it.each(NOT_HTTPS.map((u) => [u]))('refuses %j as a source and as the homepage', (url) => {
    const errors = errorsOf((p) => { p.entities[0].sources[0].url = url; p.meta.homepage = url; });
    expect(errors).toContain('entities[0] (test-body).sources[0].url: must be an https address');
    expect(errors).toContain('meta.homepage: must be an https address');
  });
});

describe('markup in a pack reaches the card only as text', () => {
  const HTML = '<img src=x onerror="globalThis.pwned=1"><script>globalThis.pwned=1</script><a href="javascript:alert(1)">x</a>';

  it('every field the card shows keeps markup as literal text, and no element or handler is made from it', () => {
    const result = parsed((p) => {
      p.meta.title = `Pack ${HTML}`.slice(0, 200);
      p.meta.maintainer = `M ${HTML}`.slice(0, 200);
      const e = p.entities[0];
      e.name = 'Test <b>Digital</b> Office';
      e.summary = HTML;
      e.confidence = HTML;
      e.sources[0].title = HTML;
      e.sources[0].publisher = HTML;
      e.events[0].text = HTML;
      e.events[0].outcome = HTML;
      e.events[0].src[0].supports = HTML;
    });
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (!result.ok) return;
    const { meta, entities: [entity] } = result.pack;
    expect(entity!.summary).toBe(HTML);
    const stored = asStored({
      ...entity!, id: namespacedId(meta.id, entity!.id), origin: 'pack', packId: meta.id,
      packLabel: { title: meta.title, maintainer: meta.maintainer }, created: 1, modified: 1,
    }) as Entity;
    const card = renderCard(document, stored, { position: { index: 1, total: 1 }, onStep: vi.fn(), onClose: vi.fn() });
    document.body.append(card);
    expect(card.querySelector('img, script, b, iframe, object')).toBeNull();
    for (const a of card.querySelectorAll('a')) expect(a.getAttribute('href')).toMatch(/^https:\/\//);
    for (const node of card.querySelectorAll('*')) {
      for (const attr of node.getAttributeNames()) expect(attr.startsWith('on')).toBe(false);
    }
    expect(card.textContent).toContain('<script>');
    expect(card.querySelector('.provenance')?.textContent).toContain('<img src=x');
    expect((globalThis as Json).pwned).toBeUndefined();
    card.remove();
  });
});
