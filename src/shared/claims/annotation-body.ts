// Derives a claim's Web Annotation body from its note and tags: one commenting body for the note,
// one tagging body per tag. Kept in one place so the stored record and exports always agree.

import { comparableDate } from '../partial-date';
import type { ClaimFields, TextualBody } from './claim';

export function annotationBody(fields: Pick<ClaimFields, 'note' | 'tags'>): TextualBody[] {
  const body: TextualBody[] = [];
  if (fields.note.trim()) body.push({ type: 'TextualBody', value: fields.note, purpose: 'commenting', format: 'text/plain' });
  for (const tag of fields.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging', format: 'text/plain' });
  return body;
}

/**
 * A promise past its deadline that was neither delivered nor dropped: the card makes it stand
 * out. "By 2024" is due at the end of 2024, "by June 2024" at the end of June.
 */
export function isOverdue(fields: Pick<ClaimFields, 'claimType' | 'status' | 'deadline'>, today: string): boolean {
  return fields.claimType === 'promise' && !!fields.deadline && comparableDate(fields.deadline, 'end') < today
    && fields.status !== 'delivered' && fields.status !== 'dropped';
}
