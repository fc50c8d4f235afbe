// How the import preview names a record it would change: a claim by its quote, an entity by its
// name, shortened to one line. A deletion carries no text, so it is named by the version here.

import type { Claim } from '../claims/claim';
import type { Entity } from '../types';

const MAX_LABEL = 120;

function line(text: string): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length <= MAX_LABEL ? chars.join('') : `${chars.slice(0, MAX_LABEL - 1).join('')}…`;
}

/** The live one of the incoming version and the version stored before, preferring the incoming. */
function live<T extends { deleted?: number }>(incoming: T, before: T | undefined): T | undefined {
  return incoming.deleted === undefined ? incoming : before?.deleted === undefined ? before : undefined;
}

export function claimLabel(incoming: Claim, before: Claim | undefined): string {
  const shown = live(incoming, before);
  return shown ? line(shown.target.selector[0].exact) : `a claim deleted on both sides (${incoming.id})`;
}

export function entityLabel(incoming: Entity, before: Entity | undefined): string {
  const shown = live(incoming, before);
  return shown ? line(shown.name) : incoming.id;
}
