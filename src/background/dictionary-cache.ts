// Compiles the dictionary from the database once per knowledge-base change and serves the cached
// result to every tab, so no tab ever builds an automaton itself.

import { compileDictionary, type PackedDictionary } from '../shared/dictionary';
import { mergePrecision } from '../shared/packs/pack-precision';
import type { PackPrecision } from '../shared/packs/pack-types';
import { builtinEntities, builtinPrecision } from './builtin-kb';
import type { SoundFamiliarDb } from './db';


/** The names each built-in entity ships with; any other name is the user's own (and private). */
let shippedNames: Map<string, Set<string>> | undefined;
function shipped(): Map<string, Set<string>> {
  shippedNames ??= new Map(builtinEntities().map((e) => [e.id, new Set([e.name, ...e.aliases].map((a) => a.trim()))]));
  return shippedNames;
}

/** The core pack's precision rules, read once. */
let corePrecision: PackPrecision | undefined;

export class DictionaryCache {
  private pending: Promise<PackedDictionary> | null = null;

  constructor(private readonly db: SoundFamiliarDb) {}

  get(): Promise<PackedDictionary> {
    // Installed packs' rows carry their text too; a few packs of a few MB read in milliseconds.
    this.pending ??= Promise.all([this.db.entities.toArray(), this.db.packs.toArray()]).then(([entities, packs]) => {
      corePrecision ??= builtinPrecision().precision;
      const { data, periods } = mergePrecision([corePrecision, ...packs.map((p) => p.precision)]);
      return compileDictionary(entities.filter((e) => e.deleted === undefined), data, periods, shipped());
    });
    // A failed build must not be cached forever.
    this.pending.catch(() => (this.pending = null));
    return this.pending;
  }

  /** Call after any write to entities. */
  invalidate(): void {
    this.pending = null;
  }
}
