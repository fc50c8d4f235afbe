// Keeps imports from rewriting the built-in knowledge base or a subscribed pack's. A file may carry
// the user's own edits of a built-in or pack entity (the extension lets a user add names to one,
// and exports the result), and those merge like any edit. A version that changes what the entity says (kind, name, summary,
// events, sources, confidence), or deletes it, is never the version shown, however it is dated
// or whatever history it claims: it is kept as a conflict the user sees and may choose.

import type { Entity } from '../types';
import { ValidationError } from '../validate';
import { mergeRecord, visibleConflicts, type MergedRecord, type MergeOutcome } from './merge';
import { canonicalJson } from './revision';

/** What a card shows as sourced fact: everything but the names, which the user may add to. */
export function builtinFacts(e: Entity): string {
  return canonicalJson({ kind: e.kind, name: e.name, summary: e.summary, events: e.events, sources: e.sources, confidence: e.confidence });
}

/**
 * Merges an incoming version of an entity the way mergeRecord does, unless the stored entity
 * is built-in: then the incoming version is the user's edit of it (the importer, not the file,
 * says so), and the version shown keeps the stored built-in facts.
 */
export function mergeEntity(local: Entity | undefined, localConflicts: readonly Entity[], incoming: Entity): MergedRecord<Entity> {
  // A pack-namespaced id ("somepack:x") is the user's edit of an installed pack's entity. With no
  // such entity here, the record would be stored as the user's own under the pack's id and hide
  // the pack's entity once the reader subscribes: refused, naming the pack.
  const colon = incoming.id.indexOf(':');
  if (colon >= 0 && local?.origin !== 'pack') {
    throw new ValidationError(`entities (${incoming.id})`, `is an edit of an entity of the pack "${incoming.id.slice(0, colon)}", which is not installed here; subscribe to that pack first, or remove this record from the file`);
  }
  if (!local || local.origin === 'user' || local.deleted !== undefined) return mergeRecord(local, localConflicts, incoming);
  // A subscribed pack's entity is guarded the same way: the file carries the user's edit of it,
  // never a new version of what the pack's maintainer says.
  const provenance = local.origin === 'pack' ? { packId: local.packId, ...(local.packLabel ? { packLabel: local.packLabel } : {}) } : {};
  const adopted: Entity = { ...incoming, origin: local.origin, ...provenance, userEdited: true };
  return keepBuiltinFacts(local, localConflicts, mergeRecord(local, localConflicts, adopted));
}

function keepBuiltinFacts(local: Entity, localConflicts: readonly Entity[], merged: MergedRecord<Entity>): MergedRecord<Entity> {
  const facts = builtinFacts(local);
  const candidates = [merged.winner, ...merged.conflicts];
  // Heads come newest first: the newest that leaves the facts alone is shown.
  const winner = candidates.find((h) => h.deleted === undefined && builtinFacts(h) === facts) ?? local;
  if (winner.rev === merged.winner.rev) return merged;
  // A version that descends from the one shown would make it an ancestor, dropped by the next
  // merge; forgetting that one link keeps it a conflict (conflicts are never exported).
  const conflicts = candidates.filter((h) => h.rev !== winner.rev).map((h) => (h.revs.includes(winner.rev) ? { ...h, revs: h.revs.filter((r) => r !== winner.rev) } : h));
  // Stored conflicts come back in key order, heads newest first: compare them as sets.
  const revsOf = (list: readonly Entity[]) => list.map((v) => v.rev).sort().join();
  const changed = winner.rev !== local.rev || revsOf(conflicts) !== revsOf(localConflicts);
  const shownBefore = visibleConflicts(local, localConflicts).map((v) => v.rev);
  const shownAfter = visibleConflicts(winner, conflicts).map((v) => v.rev);
  let outcome: MergeOutcome;
  if (!changed) outcome = 'unchanged';
  else if (shownAfter.some((rev) => !shownBefore.includes(rev))) outcome = 'conflict';
  else outcome = 'updated';
  return { winner, conflicts, outcome, changed };
}
