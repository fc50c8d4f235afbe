// A pack's entities have namespaced ids ("scottish-digital:scotgov-digital"): every message that
// carries an entity id, or an earlier promise's id, accepts them, and still nothing looser.
import { describe, expect, it } from 'vitest';
import { backgroundValidators } from '../../../../src/shared/messages';

const TARGET = {
  source: 'https://www.gov.uk/government/news/a',
  selector: [{ type: 'TextQuoteSelector', exact: 'a call to arms', prefix: '', suffix: '' }, { type: 'TextPositionSelector', start: 10, end: 24 }],
};
const DRAFT = { target: TARGET, pageTitle: 'News', pageDate: '2017-11-21', claimant: null, mode: 'claim' };

describe('namespaced pack entity ids in messages', () => {
  it('are accepted where an entity id is, and a second colon or an upper-case prefix is not', () => {
    for (const id of ['scottish-digital:scotgov-digital', 'gds']) {
      expect(backgroundValidators['entity/get']({ id }), id).toBe(true);
      expect(backgroundValidators['claims/for-entity']({ entityId: id }), id).toBe(true);
      expect(backgroundValidators['draft/start']({ ...DRAFT, entities: [id] }), id).toBe(true);
    }
    for (const id of ['a:b:c', 'Core:gds', ':gds', 'gds:']) expect(backgroundValidators['entity/get']({ id }), id).toBe(false);
  });

  it('are accepted in the id of an earlier promise a draft repeats', () => {
    expect(backgroundValidators['draft/start']({ ...DRAFT, entities: [], repeats: ['scottish-digital:scotgov-digital#3'] })).toBe(true);
    const accepts = (repeats: string[]) => {
      try {
        return backgroundValidators['draft/start']({ ...DRAFT, entities: [], repeats });
      } catch {
        return false; // this validator refuses a bad repeat by throwing; parseEnvelope reports it
      }
    };
    expect(accepts(['scottish-digital:x:y#3'])).toBe(false);
  });
});
