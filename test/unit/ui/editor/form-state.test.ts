// The editor's form rules: tags typed as a comma list, field-level errors, and the conversion to
// the ClaimFields the background stores. Whatever the form accepts, the background must accept.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLAIM_STATUSES, CLAIM_TYPES, LIMITS, type ClaimFields } from '../../../../src/shared/claims/claim';
import { parseClaimFields } from '../../../../src/shared/claims/validate-claim';
import { fieldsFromForm, formFromFields, NEW_PERSON, parseTags, validateForm, type FormState } from '../../../../src/ui/editor/form-state';

const FORM: FormState = {
  claimant: 'jeremy-quin', newClaimantName: '', entities: ['gov-uk-one-login', 'gds'], madeOn: '2022-06-09', claimType: 'promise',
  status: 'made', deadline: '2025', note: 'Said at the launch.', tags: 'identity, sso',
};

describe('parseTags', () => {
  it('splits on commas, trims, drops empties and duplicates, keeping first-seen order', () => {
    expect(parseTags('identity, sso')).toEqual(['identity', 'sso']);
    expect(parseTags(' b ,a,, b ,  ,a,c ')).toEqual(['b', 'a', 'c']);
    expect(parseTags('')).toEqual([]);
    expect(parseTags(' , ,')).toEqual([]);
    expect(parseTags('one tag with spaces')).toEqual(['one tag with spaces']);
  });
});

describe('validateForm', () => {
  it('has no errors for a complete form', () => {
    expect(validateForm(FORM)).toEqual({});
    expect(validateForm({ ...FORM, deadline: '', tags: '', note: '', claimant: '' })).toEqual({});
    expect(validateForm({ ...FORM, madeOn: ' 2017-11 ', deadline: ' 2018-03-31 ' })).toEqual({});
  });

  it.each<[Partial<FormState>, keyof FormState, string]>([
    [{ madeOn: '' }, 'madeOn', 'Use a date like 2017, 2017-11 or 2017-11-21.'],
    [{ madeOn: '9 June 2022' }, 'madeOn', 'Use a date like 2017, 2017-11 or 2017-11-21.'],
    [{ madeOn: '2022-02-30x' }, 'madeOn', 'Use a date like 2017, 2017-11 or 2017-11-21.'],
    [{ deadline: 'next year' }, 'deadline', 'Use a date like 2018, 2018-03 or 2018-03-31, or leave it empty.'],
    [{ deadline: '2018-13' }, 'deadline', 'Use a date like 2018, 2018-03 or 2018-03-31, or leave it empty.'],
    [{ claimant: NEW_PERSON, newClaimantName: '  ' }, 'newClaimantName', 'Give the new person’s name.'],
    [{ claimant: NEW_PERSON, newClaimantName: 'n'.repeat(LIMITS.name + 1) }, 'newClaimantName', `At most ${LIMITS.name} characters.`],
    [{ note: 'x'.repeat(LIMITS.note + 1) }, 'note', `At most ${LIMITS.note} characters.`],
    [{ tags: Array.from({ length: LIMITS.tags + 1 }, (_, i) => `t${i}`).join(',') }, 'tags', `At most ${LIMITS.tags} tags.`],
    [{ tags: `ok, ${'t'.repeat(LIMITS.tag + 1)}` }, 'tags', `Each tag at most ${LIMITS.tag} characters.`],
    [{ claimType: 'rumour' as FormState['claimType'] }, 'claimType', 'Choose a type.'],
    [{ status: 'done' as FormState['status'] }, 'status', 'Choose a status.'],
  ])('reports %j on its field', (change, field, message) => {
    expect(validateForm({ ...FORM, ...change })).toEqual({ [field]: message });
  });

  it('accepts the limits themselves and reports several fields at once', () => {
    expect(validateForm({ ...FORM, note: 'x'.repeat(LIMITS.note), tags: Array.from({ length: LIMITS.tags }, (_, i) => `${i}`.padEnd(LIMITS.tag, 'x')).join(', ') })).toEqual({});
    expect(Object.keys(validateForm({ ...FORM, madeOn: 'x', deadline: 'y', note: 'z'.repeat(LIMITS.note + 1) })).sort()).toEqual(['deadline', 'madeOn', 'note']);
  });

  it('counts duplicate tags once', () => {
    expect(validateForm({ ...FORM, tags: Array.from({ length: 40 }, () => 'same').join(',') })).toEqual({});
  });
});

describe('fieldsFromForm and formFromFields', () => {
  it('converts a form to stored fields: trimmed dates, empty deadline as null, parsed tags', () => {
    expect(fieldsFromForm({ ...FORM, madeOn: ' 2022-06-09 ', deadline: '  ' })).toEqual({
      claimant: 'jeremy-quin', entities: ['gov-uk-one-login', 'gds'], madeOn: '2022-06-09', claimType: 'promise', status: 'made',
      deadline: null, note: 'Said at the launch.', tags: ['identity', 'sso'],
    });
  });

  it('has no claimant for "unknown" or for a person still to be created, unless the new id is given', () => {
    expect(fieldsFromForm({ ...FORM, claimant: '' }).claimant).toBeNull();
    expect(fieldsFromForm({ ...FORM, claimant: NEW_PERSON, newClaimantName: 'Ann Other' }).claimant).toBeNull();
    expect(fieldsFromForm({ ...FORM, claimant: NEW_PERSON, newClaimantName: 'Ann Other' }, 'ann-other').claimant).toBe('ann-other');
  });

  it('keeps the claimant out of the entities and caps them', () => {
    const many = Array.from({ length: 30 }, (_, i) => `e${i}`);
    expect(fieldsFromForm({ ...FORM, entities: ['gds', 'jeremy-quin', 'cddo'] }).entities).toEqual(['gds', 'cddo']);
    expect(fieldsFromForm({ ...FORM, entities: many }).entities).toEqual(many.slice(0, LIMITS.entities));
    expect(fieldsFromForm({ ...FORM, claimant: NEW_PERSON, entities: ['ann-other', 'gds'] }, 'ann-other').entities).toEqual(['gds']);
  });

  it('shows stored fields in the form', () => {
    expect(formFromFields({ claimant: null, entities: ['gds'], madeOn: '2017', claimType: 'figure', status: 'unknown', deadline: null, note: 'n', tags: ['a', 'b'] }))
      .toEqual({ claimant: '', newClaimantName: '', entities: ['gds'], madeOn: '2017', claimType: 'figure', status: 'unknown', deadline: '', note: 'n', tags: 'a, b' });
  });

  const id = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,15}$/);
  const date = fc.constantFrom('2017', '2017-11', '2017-11-21', '1999-12-31');
  const tag = fc.string({ minLength: 1, maxLength: LIMITS.tag }).map((t) => t.replace(/,/g, ' ').trim()).filter((t) => t.length > 0);
  const fields: fc.Arbitrary<ClaimFields> = fc.record({
    claimant: fc.option(id, { nil: null }),
    entities: fc.uniqueArray(id, { maxLength: LIMITS.entities }),
    madeOn: date,
    claimType: fc.constantFrom(...CLAIM_TYPES),
    status: fc.constantFrom(...CLAIM_STATUSES),
    deadline: fc.option(date, { nil: null }),
    note: fc.string({ maxLength: 200 }),
    tags: fc.uniqueArray(tag, { maxLength: LIMITS.tags }),
  }).map((f) => ({ ...f, entities: f.entities.filter((e) => e !== f.claimant) }));

  it('round-trips stored fields through the form unchanged (tags without commas)', () => {
    fc.assert(fc.property(fields, (f) => {
      const form = formFromFields(f);
      expect(validateForm(form)).toEqual({});
      expect(fieldsFromForm(form)).toEqual(f);
    }), { numRuns: 300 });
  });

  it('whatever the form accepts, the background accepts unchanged', () => {
    const form: fc.Arbitrary<FormState> = fc.record({
      claimant: fc.oneof(fc.constant(''), id),
      newClaimantName: fc.string({ maxLength: 20 }),
      entities: fc.array(id, { maxLength: 25 }).map((ids) => [...new Set(ids)]),
      madeOn: fc.oneof(date, fc.string({ maxLength: 12 })),
      claimType: fc.constantFrom(...CLAIM_TYPES),
      status: fc.constantFrom(...CLAIM_STATUSES),
      deadline: fc.oneof(fc.constant(''), date, fc.string({ maxLength: 12 })),
      note: fc.string({ maxLength: 100 }),
      tags: fc.array(fc.string({ maxLength: 45 }), { maxLength: 25 }).map((t) => t.join(',')),
    });
    fc.assert(fc.property(form, (f) => {
      if (Object.keys(validateForm(f)).length > 0) return;
      const stored = fieldsFromForm(f);
      expect(parseClaimFields(stored)).toEqual(stored);
    }), { numRuns: 500 });
  });

  // Tags are typed as one comma-separated field, so a comma inside a tag could not survive an
  // edit: the contract refuses it, and the Hypothesis reader turns such commas into spaces.
  it('refuses a tag that contains a comma, so every stored tag survives an edit unchanged', () => {
    const f: ClaimFields = { claimant: null, entities: [], madeOn: '2020', claimType: 'assertion', status: 'unknown', deadline: null, note: '', tags: ['health, social care'] };
    expect(() => parseClaimFields(f)).toThrow('fields.tags[0]: must not contain a comma');
    const ok: ClaimFields = { ...f, tags: ['health and social care', 'nhs'] };
    expect(fieldsFromForm(formFromFields(parseClaimFields(ok))).tags).toEqual(['health and social care', 'nhs']);
  });
});
