import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, scoreItem } from '../../../../src/shared/echo/bm25';
import { enoughEvidence, features, FEATURES } from '../../../../src/shared/echo/features';
import { sentenceQuery } from '../../../../src/shared/echo/find-echoes';
import { buildEchoIndex } from '../../../../src/shared/echo/index-build';
import { terms } from '../../../../src/shared/echo/tokenize';
import { ENTITIES } from './fixtures';

const index = buildEchoIndex(ENTITIES.map((e) => ({ ...e, kind: e.id === 'javid' ? 'person' : 'initiative' })));

function vectorOf(sentence: string, itemId: string, date = '2026-01-01'): number[] {
  const q = sentenceQuery(sentence, terms(sentence).map((t) => t.term), date, index, DEFAULT_PARAMS);
  const s = scoreItem(index, q, index.items.find((i) => i.id === itemId)!, DEFAULT_PARAMS)!;
  return features(index, s, q);
}

function featuresOf(sentence: string, itemId: string, date = '2026-01-01'): Record<string, number> {
  const f = vectorOf(sentence, itemId, date);
  return Object.fromEntries(FEATURES.map((n, i) => [n, f[i]!]));
}

describe('features', () => {
  it('one number per feature name, all finite', () => {
    const f = featuresOf('The NHS App will let patients book GP appointments.', 'nhs-app#0');
    expect(Object.keys(f)).toEqual([...FEATURES]);
    for (const v of Object.values(f)) expect(Number.isFinite(v)).toBe(true);
  });

  it("counts the item's own entity named in the sentence apart from other shared entities", () => {
    const own = featuresOf('The NHS App will let patients book GP appointments.', 'nhs-app#0');
    expect(own.ownEntity).toBeGreaterThan(0);
    const other = featuresOf('Sajid Javid and GDS will set out a call to arms for councils.', 'javid#0');
    expect(other.ownEntity).toBeGreaterThan(0);
    expect(other.otherEntity).toBeGreaterThan(0);
    const none = featuresOf('Councils will get a call to arms on legacy IT.', 'javid#0');
    expect(none.ownEntity).toBe(0);
  });

  it('measures how much of the item the sentence covers, and marks the kind of entity', () => {
    const whole = featuresOf('Promised, with councils and GDS, a new vision and a call to arms on local government digital, citing legacy IT and re-keying.', 'javid#0');
    const graze = featuresOf('A call for councils.', 'javid#0');
    expect(whole.itemCoverage).toBeGreaterThan(graze.itemCoverage!);
    expect(whole.itemCoverage).toBeLessThanOrEqual(1);
    expect(whole.ideas).toBeGreaterThan(0);
    expect(whole.kindPerson).toBe(1);
    expect(featuresOf('The NHS App by December 2018.', 'nhs-app#0').kindPerson).toBe(0);
  });

  it('measures how much of the sentence beyond the names it mentions the item matches', () => {
    // A bare body name and no promise content: its name words match, its own words do not.
    const bare = featuresOf('The Government Digital Service will host the new service.', 'gds#1');
    const said = featuresOf('GDS Local will work with councils on One Login and the GOV.UK App.', 'gds#1');
    expect(bare.ownEntity).toBeGreaterThan(0);
    expect(bare.content).toBe(0);
    expect(bare.words).toBe(0);
    expect(said.content).toBeGreaterThan(0.3);
  });

  it("marks the event's type, and a launch offered for a sentence that looks ahead", () => {
    const ahead = featuresOf('GDS Local will work with councils on One Login.', 'gds#1');
    expect(ahead.typeLaunch).toBe(1);
    expect(ahead.futureLaunch).toBe(1);
    const done = featuresOf('GDS Local has started work with councils on One Login.', 'gds#1');
    expect(done.futureLaunch).toBe(0);
    const promise = featuresOf('A call to arms by 2019 on local government digital.', 'javid#0');
    expect(promise.typePromise).toBe(1);
    expect(promise.futureLaunch).toBe(0);
  });

  it('counts specific words and phrases beyond names, and asks a person for more than a name and a word', () => {
    // A phrase made of the name's own words ("sajid javid") is not a shared phrase.
    const bare = featuresOf('Sajid Javid told councils about bins.', 'javid#0');
    expect(bare.phrases).toBe(0);
    expect(bare.specific).toBeLessThan(2);
    expect(enoughEvidence(vectorOf('Sajid Javid told councils about bins.', 'javid#0'))).toBe(false);
    const said = featuresOf('Sajid Javid repeated his call to arms on legacy IT.', 'javid#0');
    expect(said.specific).toBeGreaterThanOrEqual(2);
    expect(enoughEvidence(vectorOf('Sajid Javid repeated his call to arms on legacy IT.', 'javid#0'))).toBe(true);
    // An initiative (here every entity but javid) may match on its name alone.
    expect(enoughEvidence(vectorOf('The NHS App is coming.', 'nhs-app#0'))).toBe(true);
  });

  it("measures how much of the sentence the knowledge uses at all, the same for every item", () => {
    // Words and phrases the fixture knowledge has ("call to arms", "local government") against ones it never uses.
    const field = featuresOf('A new call to arms on local government digital.', 'javid#0');
    const offTopic = featuresOf('A call for scooters on river ferries.', 'javid#0');
    expect(field.known).toBe(1);
    expect(field.knownPhrases).toBeGreaterThan(0.5);
    expect(offTopic.known).toBeLessThan(0.5);
    expect(offTopic.knownPhrases).toBe(0);
    const sentence = 'Councils will get a call to arms on legacy IT and the NHS App.';
    for (const name of ['known', 'knownPhrases']) expect(featuresOf(sentence, 'javid#0')[name]).toBe(featuresOf(sentence, 'nhs-app#0')[name]);
  });

  it('marks an item whose entity the sentence only hints at by a context alias', () => {
    // "the Coalition" is a context alias of the Local Digital Coalition (fixtures.ts): no full name.
    const hinted = featuresOf('The Coalition will run shared projects on Blue Badges.', 'ldc#0');
    expect(hinted.ownEntity).toBe(0);
    expect(hinted.hinted).toBeGreaterThan(0);
    expect(featuresOf('The Local Digital Coalition will run shared projects on Blue Badges.', 'ldc#0').hinted).toBe(0);
    expect(featuresOf('Councils will run shared projects on Blue Badges.', 'ldc#0').hinted).toBe(0);
  });
});
