// Compiles the dictionary from the database once per knowledge-base change and serves the cached
// result to every tab, so no tab ever builds an automaton itself.

import { compileDictionary, type PackedDictionary } from '../shared/dictionary';
import { CONTEXT_ONLY_ALIASES, ENTITY_PERIODS, EXACT_CASE_ALIASES } from '../data/precision-overrides';
import type { SoundFamiliarDb } from './db';

const PRECISION = { exactCase: new Set(EXACT_CASE_ALIASES), contextOnly: new Set(CONTEXT_ONLY_ALIASES) };

export class DictionaryCache {
  private pending: Promise<PackedDictionary> | null = null;

  constructor(private readonly db: SoundFamiliarDb) {}

  get(): Promise<PackedDictionary> {
    this.pending ??= this.db.entities.toArray().then((entities) =>
      compileDictionary(entities.filter((e) => e.deleted === undefined), PRECISION, ENTITY_PERIODS));
    // A failed build must not be cached forever.
    this.pending.catch(() => (this.pending = null));
    return this.pending;
  }

  /** Call after any write to entities. */
  invalidate(): void {
    this.pending = null;
  }
}
