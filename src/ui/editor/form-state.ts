// The editor's form as the user types it, and its conversion to ClaimFields with field-level
// errors. Pure, so the rules are testable without a browser.

import { CLAIM_STATUSES, CLAIM_TYPES, LIMITS, type ClaimFields, type ClaimStatus, type ClaimType } from '../../shared/claims/claim';
import { isPartialDate } from '../../shared/partial-date';

export const NEW_PERSON = '__new__';

export interface FormState {
  /** An entity id, '' for unknown, or NEW_PERSON. */
  claimant: string;
  newClaimantName: string;
  entities: string[];
  madeOn: string;
  claimType: ClaimType;
  status: ClaimStatus;
  deadline: string;
  note: string;
  tags: string;
}

export type FormErrors = Partial<Record<keyof FormState, string>>;

export function formFromFields(fields: ClaimFields): FormState {
  return {
    claimant: fields.claimant ?? '',
    newClaimantName: '',
    entities: fields.entities,
    madeOn: fields.madeOn,
    claimType: fields.claimType,
    status: fields.status,
    deadline: fields.deadline ?? '',
    note: fields.note,
    tags: fields.tags.join(', '),
  };
}

export function parseTags(text: string): string[] {
  return [...new Set(text.split(',').map((t) => t.trim()).filter(Boolean))];
}

/** Field errors, empty when the form can be saved. */
export function validateForm(form: FormState): FormErrors {
  const errors: FormErrors = {};
  if (!isPartialDate(form.madeOn.trim())) errors.madeOn = 'Use a date like 2017, 2017-11 or 2017-11-21.';
  if (form.deadline.trim() && !isPartialDate(form.deadline.trim())) errors.deadline = 'Use a date like 2018, 2018-03 or 2018-03-31, or leave it empty.';
  if (form.claimant === NEW_PERSON && !form.newClaimantName.trim()) errors.newClaimantName = 'Give the new person’s name.';
  if (form.newClaimantName.length > LIMITS.name) errors.newClaimantName = `At most ${LIMITS.name} characters.`;
  if (form.note.length > LIMITS.note) errors.note = `At most ${LIMITS.note} characters.`;
  const tags = parseTags(form.tags);
  if (tags.length > LIMITS.tags) errors.tags = `At most ${LIMITS.tags} tags.`;
  else if (tags.some((t) => t.length > LIMITS.tag)) errors.tags = `Each tag at most ${LIMITS.tag} characters.`;
  if (!CLAIM_TYPES.includes(form.claimType)) errors.claimType = 'Choose a type.';
  if (!CLAIM_STATUSES.includes(form.status)) errors.status = 'Choose a status.';
  return errors;
}

/** The fields to store. A claimant still to be created is null until saving creates them. */
export function fieldsFromForm(form: FormState, claimantId: string | null = form.claimant && form.claimant !== NEW_PERSON ? form.claimant : null): ClaimFields {
  return {
    claimant: claimantId,
    entities: form.entities.filter((id) => id !== claimantId).slice(0, LIMITS.entities),
    madeOn: form.madeOn.trim(),
    claimType: form.claimType,
    status: form.status,
    deadline: form.deadline.trim() || null,
    note: form.note,
    tags: parseTags(form.tags),
  };
}
