// The card's line saying where a subscribed pack's entity comes from and who maintains it, and
// whether the reader changed it ("edited by you"). Built-in and the reader's own entities need no
// such line. Text only: the title and maintainer come from the pack, which anyone may publish.

import type { Entity } from '../../shared/types';
import { el } from './dom';

export function provenanceText(entity: Pick<Entity, 'origin' | 'packLabel' | 'userEdited'>): string | null {
  if (entity.origin !== 'pack' || !entity.packLabel) return null;
  const from = `From ${entity.packLabel.title} · maintained by ${entity.packLabel.maintainer}`;
  return entity.userEdited ? `${from} · edited by you` : from;
}

export function renderProvenance(doc: Document, entity: Entity): HTMLElement | null {
  const text = provenanceText(entity);
  return text ? el(doc, 'p', { class: 'provenance' }, text) : null;
}
