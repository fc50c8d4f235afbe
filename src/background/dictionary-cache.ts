// Compiles the dictionary from the database once per knowledge-base change and serves the cached
// result to every tab, so no tab ever builds an automaton itself.

import { compileDictionary, type PackedDictionary } from '../shared/dictionary';
import { mergePrecision } from '../shared/packs/pack-precision';
import type { PackPrecision } from '../shared/packs/pack-types';
import { builtinEntities, builtinPrecision, type BuiltinEntity } from './builtin-kb';
import type { SoundFamiliarDb } from './db';

export class DictionaryCache {
  private pending: Promise<PackedDictionary> | null = null;
  /** The names each built-in entity ships with; any other name is the user's own (and private). */
  private shippedNames: Map<string, Set<string>> | undefined;
  /** The core pack's precision rules, read once. */
  private corePrecision: PackPrecision | undefined;

  /**
   * `builtins`: the shipped knowledge as the worker already read it for seeding. Reading it again
   * (parsing and checking every entity) cost each wake of the worker 30-45 ms a time, twice.
   */
  constructor(private readonly db: SoundFamiliarDb, private builtins?: readonly BuiltinEntity[]) {}

  private shipped(): Map<string, Set<string>> {
    this.shippedNames ??= new Map(this.readBuiltins().map((e) => [e.id, new Set([e.name, ...e.aliases].map((a) => a.trim()))]));
    return this.shippedNames;
  }

  private readBuiltins(): readonly BuiltinEntity[] {
    return (this.builtins ??= builtinEntities());
  }

  get(): Promise<PackedDictionary> {
    // Installed packs' rows carry their text too; a few packs of a few MB read in milliseconds.
    this.pending ??= Promise.all([this.db.entities.toArray(), this.db.packs.toArray()]).then(([entities, packs]) => {
      this.corePrecision ??= builtinPrecision(undefined, this.readBuiltins()).precision;
      const { data, periods } = mergePrecision([this.corePrecision, ...packs.map((p) => p.precision)]);
      return compileDictionary(entities.filter((e) => e.deleted === undefined), data, periods, this.shipped());
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
