// readImport on files that are valid or wrong in one field: what is kept, what is dropped, and
// messages that name the record and the field.
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../../src/shared/claims/claim';
import { ImportError, readImport } from '../../../../src/shared/sync/read-import';
import { validEnvelope } from '../../../fixtures/sync/hostile';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function file(change: (e: Json) => void = () => {}): string {
  const envelope = validEnvelope() as unknown as Json;
  change(envelope);
  return JSON.stringify(envelope);
}

function messageOf(text: string): string {
  try {
    readImport(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return (error as Error).message;
  }
  throw new Error('expected an ImportError');
}

describe('readImport keeps only what it knows', () => {
  it('drops unknown fields everywhere: record, soundFamiliar, target, selectors, body, entity, events, sources', () => {
    const data = readImport(file((e) => {
      const c = e.claims[0];
      c.extra = 'x';
      c.soundFamiliar.extra = 'x';
      c.soundFamiliar.script = '<script>alert(1)</script>';
      c.target.extra = 'x';
      c.target.selector[0].extra = 'x';
      c.target.selector[1].extra = 'x';
      c.body.push({ type: 'TextualBody', value: 'injected body', purpose: 'commenting', format: 'text/html' });
      const ent = e.entities[0];
      ent.extra = 'x';
      ent.events[0].extra = 'x';
      ent.sources[0].extra = 'x';
      e.topLevelExtra = 'x';
    }));
    const text = JSON.stringify(data);
    expect(text).not.toContain('"extra"');
    expect(text).not.toContain('script');
    expect(text).not.toContain('injected body');
    expect(Object.keys(data.claims[0]!).sort()).toEqual([
      'body', 'claimType', 'claimant', 'created', 'deadline', 'entities', 'id', 'madeOn', 'modified', 'motivation', 'note', 'pageTitle', 'rev', 'revs', 'status', 'tags', 'target', 'type',
    ]);
    expect(Object.keys(data.claims[0]!.target.selector[0]).sort()).toEqual(['exact', 'prefix', 'suffix', 'type']);
    expect(Object.keys(data.entities[0]!).sort()).toEqual(['aliases', 'confidence', 'created', 'events', 'id', 'kind', 'modified', 'name', 'origin', 'rev', 'revs', 'sources', 'summary']);
    expect(Object.keys(data.entities[0]!.events[0]!).sort()).toEqual(['date', 'src', 'text']);
    expect(Object.keys(data.entities[0]!.sources[0]!).sort()).toEqual(['date', 'title', 'url']);
  });

  it('re-derives the body from note and tags instead of trusting the file', () => {
    const data = readImport(file((e) => {
      e.claims[0].body = [{ type: 'TextualBody', value: 'something else', purpose: 'commenting', format: 'text/plain' }];
    }));
    expect(data.claims[0]!.body[0]!.value).toBe(data.claims[0]!.note);
  });

  it('reads a record marked deleted as a content-free tombstone, whatever content it carries', () => {
    const data = readImport(file((e) => {
      e.claims[1].soundFamiliar.deleted = '2024-05-03T00:00:00.000Z';
    }));
    const tombstone = data.claims[1]!;
    expect(tombstone.deleted).toBe(Date.parse('2024-05-03T00:00:00.000Z'));
    expect(tombstone).toMatchObject({ note: '', tags: [], body: [], pageTitle: '', claimant: null });
    expect(tombstone.target.source).toBe('');
    expect(tombstone.modified).toBe(Date.parse(validEnvelope().claims[1]!.modified));
  });

  it('accepts ids with or without urn:uuid:, files without entities, and cuts the device id', () => {
    const data = readImport(file((e) => {
      e.claims[0].id = e.claims[0].id.replace('urn:uuid:', '');
      delete e.entities;
      e.deviceId = 'd'.repeat(500);
    }));
    expect(data.claims[0]!.id).toBe(validEnvelope().claims[0]!.id.replace('urn:uuid:', ''));
    expect(data.entities).toEqual([]);
    expect(data.deviceId).toHaveLength(64);
    expect(readImport(file((e) => { e.deviceId = 5; })).deviceId).toBeNull();
  });

  it('normalises addresses, trims tags and removes duplicates', () => {
    const data = readImport(file((e) => {
      e.claims[0].target.source = 'HTTPS://WWW.GOV.UK/government/news/story-1';
      e.claims[0].soundFamiliar.tags = [' identity ', 'identity', 'sso'];
      e.claims[0].soundFamiliar.entities = ['gds', 'gds'];
    }));
    expect(data.claims[0]!.target.source).toBe('https://www.gov.uk/government/news/story-1');
    expect(data.claims[0]!.tags).toEqual(['identity', 'sso']);
    expect(data.claims[0]!.entities).toEqual(['gds']);
  });
});

describe('readImport names the record and field at fault', () => {
  it.each<[string, (e: Json) => void, string]>([
    ['claim type', (e) => { e.claims[2].type = 'Note'; }, 'claim 3.type: must be "Annotation"'],
    ['claim created', (e) => { e.claims[0].created = 'yesterday'; }, 'claim 1.created: must be a date and time (ISO 8601)'],
    ['a very long date', (e) => { e.claims[0].created = `2024-05-01T09:00:00.000Z${' '.repeat(40)}`; }, 'claim 1.created: must be a date and time (ISO 8601)'],
    ['missing soundFamiliar', (e) => { delete e.claims[0].soundFamiliar; }, 'claim 1.soundFamiliar: must be an object'],
    ['missing rev', (e) => { delete e.claims[0].soundFamiliar.rev; }, 'claim 1.soundFamiliar.rev: must be text'],
    ['too many revs', (e) => { e.claims[0].soundFamiliar.revs = Array.from({ length: 51 }, (_, i) => `${51 - i}-x`); e.claims[0].soundFamiliar.rev = '51-x'; }, 'claim 1.soundFamiliar.revs: has more than 50 items'],
    ['tombstone date', (e) => { e.claims[0].soundFamiliar.deleted = 'never'; }, 'claim 1.soundFamiliar.deleted: must be a date and time (ISO 8601)'],
    ['missing target', (e) => { delete e.claims[0].target; }, 'claim 1.target: must be an object'],
    ['position selector missing', (e) => { e.claims[0].target.selector.pop(); }, 'claim 1.target.selector: TextPositionSelector missing'],
    ['empty quote', (e) => { e.claims[0].target.selector[0].exact = '   '; }, 'claim 1.target.selector.exact: must not be empty'],
    ['quote over the limit', (e) => { e.claims[0].target.selector[0].exact = 'q'.repeat(LIMITS.quote + 1); }, `claim 1.target.selector.exact: is longer than ${LIMITS.quote} characters`],
    ['negative position', (e) => { e.claims[0].target.selector[1].start = -5; }, 'claim 1.target.selector.start: must be a whole number from 0 to 1000000000'],
    ['madeOn', (e) => { e.claims[0].soundFamiliar.madeOn = '09/06/2022'; }, 'claim 1.soundFamiliar.madeOn: must be a date like 2017, 2017-11 or 2017-11-21'],
    ['claimType', (e) => { e.claims[0].soundFamiliar.claimType = 'rumour'; }, 'claim 1.soundFamiliar.claimType: must be one of promise, announcement, figure, assertion'],
    ['a tag over the limit', (e) => { e.claims[0].soundFamiliar.tags = ['x'.repeat(41)]; }, 'claim 1.soundFamiliar.tags[0]: is longer than 40 characters'],
    ['a claimant that is not an id', (e) => { e.claims[0].soundFamiliar.claimant = 'javascript:alert(1)'; }, 'claim 1.soundFamiliar.claimant: must be an entity id (lower-case letters, digits, hyphens)'],
    ['page title of the wrong type', (e) => { e.claims[0].soundFamiliar.pageTitle = { html: '<b>' }; }, 'claim 1.soundFamiliar.pageTitle: must be text'],
    ['entity kind', (e) => { e.entities[1].kind = 'company'; }, 'entity 2.kind: must be one of initiative, body, person'],
    ['entity empty name', (e) => { e.entities[0].name = ''; }, 'entity 1.name: must not be empty'],
    ['entity alias too long', (e) => { e.entities[0].aliases = ['a'.repeat(121)]; }, 'entity 1.aliases[0]: is longer than 120 characters'],
    ['entity rev', (e) => { e.entities[0].rev = 7; }, 'entity 1.rev: must be text'],
    ['event date', (e) => { e.entities[0].events[0].date = 'spring'; }, 'entity 1.events[0].date: must be a date like 2017, 2017-11 or 2017-11-21'],
    ['event text', (e) => { e.entities[0].events[0].text = ' '; }, 'entity 1.events[0].text: must not be empty'],
    ['source without title', (e) => { delete e.entities[0].sources[0].title; }, 'entity 1.sources[0].title: must be text'],
    ['source date', (e) => { e.entities[0].sources[0].date = 'Oct 2022'; }, 'entity 1.sources[0].date: must be a date like 2017, 2017-11 or 2017-11-21'],
    ['entity tombstone date', (e) => { e.entities[0].deleted = 'gone'; }, 'entity 1.deleted: must be a date and time (ISO 8601)'],
  ])('%s', (_field, change, message) => {
    expect(messageOf(file(change))).toBe(message);
  });
});
