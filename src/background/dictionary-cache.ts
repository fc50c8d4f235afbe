// Compiles the dictionary from the database once per knowledge-base change and serves the cached
// result to every tab, so no tab ever builds an automaton itself. Given somewhere to keep a copy
// (kept-dictionary.ts), a worker woken after the browser stopped it starts from that copy.

import { compileDictionary, type PackedDictionary } from '../shared/dictionary';
import { mergePrecision } from '../shared/packs/pack-precision';
import type { PackPrecision } from '../shared/packs/pack-types';
import { builtinEntities, builtinPrecision, type BuiltinEntity } from './builtin-kb';
import type { SoundFamiliarDb } from './db';
import type { KeptDictionary } from './kept-dictionary';

export class DictionaryCache {
  private pending: Promise<PackedDictionary> | null = null;
  /** Counts invalidations: a build that one overtook must not be kept. */
  private generation = 0;
  /** The names each built-in entity ships with; any other name is the user's own (and private). */
  private shippedNames: Map<string, Set<string>> | undefined;
  /** The core pack's precision rules, read once. */
  private corePrecision: PackPrecision | undefined;
  /** The shipped knowledge, once read. */
  private builtins: readonly BuiltinEntity[] | undefined;

  /**
   * `readBuiltins`: the shipped knowledge, as the worker reads it once for seeding too. Reading it
   * (parsing and checking every entity) costs 30-45 ms a time; it is read only to compile.
   */
  constructor(
    private readonly db: SoundFamiliarDb,
    private readonly readBuiltins: () => readonly BuiltinEntity[] = builtinEntities,
    private readonly kept?: KeptDictionary,
  ) {}

  private shipped(): Map<string, Set<string>> {
    this.shippedNames ??= new Map(this.shippedEntities().map((e) => [e.id, new Set([e.name, ...e.aliases].map((a) => a.trim()))]));
    return this.shippedNames;
  }

  private shippedEntities(): readonly BuiltinEntity[] {
    return (this.builtins ??= this.readBuiltins());
  }

  get(): Promise<PackedDictionary> {
    this.pending ??= this.load();
    // A failed build must not be cached forever.
    this.pending.catch(() => (this.pending = null));
    return this.pending;
  }

  private async load(): Promise<PackedDictionary> {
    const generation = this.generation;
    const kept = await this.kept?.read();
    if (kept) return kept;
    const built = await this.build();
    if (generation === this.generation) void this.kept?.write(built);
    return built;
  }

  private async build(): Promise<PackedDictionary> {
    // Installed packs' rows carry their text too; a few packs of a few MB read in milliseconds.
    const [entities, packs] = await Promise.all([this.db.entities.toArray(), this.db.packs.toArray()]);
    this.corePrecision ??= builtinPrecision(undefined, this.shippedEntities()).precision;
    const { data, periods } = mergePrecision([this.corePrecision, ...packs.map((p) => p.precision)]);
    return compileDictionary(entities.filter((e) => e.deleted === undefined), data, periods, this.shipped());
  }

  /** Call after any write to entities or packs. */
  invalidate(): void {
    this.generation++;
    this.pending = null;
    this.kept?.remove().catch((error: unknown) => console.error('Sound Familiar: dropping the kept dictionary failed', error));
  }
}
