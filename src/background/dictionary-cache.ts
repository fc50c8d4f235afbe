// Compiles the dictionary from the database once per knowledge-base change and serves the cached
// result to every tab, so no tab ever builds an automaton itself.

import { compileDictionary, type PackedDictionary } from '../shared/dictionary';
import { ENTITY_PERIODS, PRECISION } from '../data/precision-overrides';
import { builtinEntities } from './builtin-kb';
import type { SoundFamiliarDb } from './db';


/** The names each built-in entity ships with; any other name is the user's own (and private). */
let shippedNames: Map<string, Set<string>> | undefined;
function shipped(): Map<string, Set<string>> {
  shippedNames ??= new Map(builtinEntities().map((e) => [e.id, new Set([e.name, ...e.aliases].map((a) => a.trim()))]));
  return shippedNames;
}

export class DictionaryCache {
  private pending: Promise<PackedDictionary> | null = null;

  constructor(private readonly db: SoundFamiliarDb) {}

  get(): Promise<PackedDictionary> {
    this.pending ??= this.db.entities.toArray().then((entities) =>
      compileDictionary(entities.filter((e) => e.deleted === undefined), PRECISION, ENTITY_PERIODS, shipped()));
    // A failed build must not be cached forever.
    this.pending.catch(() => (this.pending = null));
    return this.pending;
  }

  /** Call after any write to entities. */
  invalidate(): void {
    this.pending = null;
  }
}
