// Turns entities into the packed dictionary that content scripts search with: every matchable
// alias with its precision flags, compiled once (in the background) into an automaton.

import { buildAutomaton } from './matcher/automaton';
import { FNV_OFFSET_BASIS, fnv1a32 } from './fnv1a';
import { CASE_SENSITIVE, EVERYDAY_WORD, NEEDS_CONTEXT, NOT_A_NAME, PRIVATE, type AliasSpec } from './matcher/alias-rules';
import { packAutomaton, type PackedAutomaton } from './matcher/pack';
import { packStartKeys, startKeys, type PackedStartKeys } from './matcher/start-keys';
import { packEntities, type PackedEntities } from './packed-entities';
import { aliasFlags, comparableDate, matchableAliases, type Period, type PrecisionData } from './precision';
import { isOrdinaryPhrase, isOrdinaryWord } from './ordinary-words';
import { titleAliasSpecs, titleEntries, type TitleEntry } from './knowledge/titles';
import type { Entity } from './types';

export interface PackedDictionary {
  /** Changes whenever the entities do, so tabs can tell a stale dictionary. */
  version: string;
  /** Indexed by the automaton's variant entity numbers; in columns (packed-entities.ts). */
  entities: PackedEntities;
  periods: Record<string, Period>;
  /**
   * Role titles as names ("Communities Secretary"), one entry per holder and span: a variant
   * entity number of `entities.length + k` means `titles[k]`, read by the page's date.
   */
  titles: TitleEntry[];
  automaton: PackedAutomaton;
  /**
   * How every alias begins, for a tab's whole-page prefilter (matcher/start-keys.ts), or null
   * where the dictionary is too big for one to pay.
   */
  starts: PackedStartKeys | null;
}

type DictionaryEntity = Pick<Entity, 'id' | 'kind' | 'name' | 'aliases' | 'modified' | 'contextAliases'> & Partial<Pick<Entity, 'roles'>> & { origin?: Entity['origin'] };

/** The pack's precision data beyond `contextAliases` (see shared/knowledge/core-entity.ts). */
type PrecisionFields = Partial<Pick<Entity, 'anyCaseAliases' | 'notAliases'>>;

/**
 * Every matchable alias of every entity with its flags, entity numbers following `entities`'
 * order. `shipped` holds, per built-in entity id, the names it ships with: any other name of a
 * built-in entity was added by the user, and every name of a user's entity is the user's. Those
 * are flagged PRIVATE, so a page never sees them painted.
 */
export function aliasSpecs(
  entities: readonly (DictionaryEntity & PrecisionFields)[],
  precision: PrecisionData,
  shipped: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
): AliasSpec[] {
  const specs: AliasSpec[] = [];
  for (let index = 0; index < entities.length; index++) {
    const entity = entities[index]!;
    // A subscribed pack's names are private too: which packs a reader follows is theirs to know.
    const allPrivate = entity.origin === 'user' || entity.origin === 'pack';
    const shippedNames = shipped.get(entity.id);
    const isPrivate = (text: string) => allPrivate || (shippedNames !== undefined && !shippedNames.has(text));
    // An entity's own ordinary-word aliases ("Verify", "New Local") count only in their case and,
    // except for its name (or it could never be confirmed), only where it is named unambiguously.
    const inContext = entity.contextAliases;
    const anyCase = entity.anyCaseAliases;
    const names = matchableAliases([entity.name, ...entity.aliases]);
    const surname = entity.kind === 'person' ? bareSurname(entity.name, names) : null;
    if (surname) names.push(surname);
    for (const text of names) {
      const ordinary = inContext?.includes(text) ? (text === entity.name ? CASE_SENSITIVE : NEEDS_CONTEXT | CASE_SENSITIVE) : 0;
      // A derived surname is as private as the name it comes from.
      const mine = text === surname ? isPrivate(entity.name) : isPrivate(text);
      const singleWord = !/\s/.test(text);
      let flags = aliasFlags(text, entity.kind, precision) | (mine ? PRIVATE : 0) | ordinary;
      // "local government association" is prose: a name of ordinary words keeps its capitals,
      // unless the pack says it means the entity in lower case too. (Only a name of two or more
      // words can be a phrase, and one already case-exact needs no look.)
      if (!singleWord && !(flags & CASE_SENSITIVE) && !anyCase?.includes(text) && isOrdinaryPhrase(text)) flags |= CASE_SENSITIVE;
      // "Bracken fern covers…": the page tells a one-word name that is also a word by its sentence.
      if (singleWord && isOrdinaryWord(text)) flags |= EVERYDAY_WORD;
      specs.push({ text, entity: index, flags });
      // A lower-case phrase ("the housing ministry") also opens sentences, capitalised.
      if (!singleWord && startsLowerCase(text)) specs.push({ text: text.charAt(0).toUpperCase() + text.slice(1), entity: index, flags });
    }
    // A longer name that is someone else wins over the alias inside it, and then shows nothing.
    for (const text of entity.notAliases ?? []) specs.push({ text, entity: index, flags: NOT_A_NAME });
  }
  return specs;
}

/**
 * A person's bare surname ("Javid"), where the aliases lack it: once the page names the person
 * in full, later "Javid said" is the same person (aliasFlags makes a one-word person alias
 * context-only and case-exact). Skipped for one-word names and surnames under four letters.
 */
function bareSurname(name: string, aliases: readonly string[]): string | null {
  const words = name.replace(/^(Sir|Dame|Lord|Lady|Baroness|Baron|Dr)\s+/, '').trim().split(/\s+/);
  const last = words[words.length - 1]!;
  if (words.length < 2 || last.length < 4 || aliases.includes(last) || !/^\p{Lu}/u.test(last)) return null;
  // "Read more", "Little has changed": a surname that is an everyday word would light up sentence openings.
  if (EVERYDAY_WORD_SURNAMES.has(last)) return null;
  return last;
}

/** Whether `text` opens with a lower-case letter (\p{Ll}); ASCII answered without the expression. */
function startsLowerCase(text: string): boolean {
  const c = text.charCodeAt(0);
  return c < 0x80 ? c >= 0x61 && c <= 0x7a : /^\p{Ll}/u.test(text);
}

const EVERYDAY_WORD_SURNAMES = new Set([
  'Read', 'Reed', 'Little', 'James', 'Hall', 'Glen', 'Porter', 'Lewis', 'Hughes', 'Sparks', 'Miller', 'Nelson', 'Jones',
  'Smith', 'Brown', 'Green', 'White', 'Young', 'King', 'Wood', 'Hill', 'Rose', 'Long', 'Bell', 'Hart', 'Wells', 'Page',
  'Chant', 'Jenkins', 'Davies', 'Clarke', 'Taylor',
]);

export function compileDictionary(
  entities: readonly DictionaryEntity[],
  precision: PrecisionData,
  periods: Readonly<Record<string, Period>>,
  shipped: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
): PackedDictionary {
  const sorted = [...entities].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const titles = packTitlesYield(titleEntries(sorted), sorted);
  const all = aliasSpecs(sorted, precision, shipped);
  for (const spec of titleAliasSpecs(titles, sorted, sorted.length)) all.push(spec);
  const specs = coreNamesPrevail(all, sorted, titles);
  // Null prototype and own-key reads: an entity id "constructor" must not pick up Object's
  // members (a function in the dictionary makes structuredClone, so posting to a tab, throw).
  const usedPeriods: Record<string, Period> = Object.create(null) as Record<string, Period>;
  for (const e of sorted) if (Object.hasOwn(periods, e.id)) usedPeriods[e.id] = periods[e.id]!;
  const automaton = buildAutomaton(specs);
  const keys = startKeys(automaton);
  return {
    version: dictionaryVersion(sorted),
    entities: packEntities(sorted),
    periods: usedPeriods,
    titles,
    automaton: packAutomaton(automaton),
    starts: keys && packStartKeys(keys),
  };
}

/**
 * A subscribed pack may add names, never take or blank the core's (built-in and the reader's own
 * entities). Rather than weigh ties at match time, a pack loses them here: a pack name (alias,
 * derived surname or title) that a core entity also has is dropped, so the core's is the only
 * candidate and a pack period cannot outrank it; a pack notAlias containing a name of an entity
 * outside that pack is dropped (it could only blank someone else's name). Names compare in lower
 * case, since the matcher folds case before it checks flags. Pack-against-pack ties are unchanged.
 */
function coreNamesPrevail(specs: AliasSpec[], entities: readonly DictionaryEntity[], titles: readonly TitleEntry[]): AliasSpec[] {
  // Without a pack every name is the core's and stays: the common case, spared the lookups.
  if (!entities.some((e) => e.origin === 'pack')) return specs;
  const count = entities.length;
  const holder = (spec: AliasSpec) => entities[spec.entity < count ? spec.entity : titles[spec.entity - count]!.entity]!;
  const group = (spec: AliasSpec) => {
    const e = holder(spec);
    return e.origin === 'pack' ? `pack:${e.id.slice(0, e.id.indexOf(':'))}` : 'core';
  };
  // Every name, in lower case, with the groups (the core, or one pack) that have it.
  const owners = new Map<string, Set<string>>();
  for (const spec of specs) {
    if (spec.flags & NOT_A_NAME) continue;
    const key = spec.text.toLowerCase();
    const set = owners.get(key) ?? new Set<string>();
    set.add(group(spec));
    owners.set(key, set);
  }
  return specs.filter((spec) => {
    const mine = group(spec);
    if (mine === 'core') return true;
    if (!(spec.flags & NOT_A_NAME)) return !owners.get(spec.text.toLowerCase())?.has('core');
    // A notAlias survives only if no run of its words is a name of an entity outside its pack.
    const words = spec.text.toLowerCase().split(/\s+/);
    for (let i = 0; i < words.length; i++) {
      for (let j = i + 1; j <= words.length; j++) {
        const others = owners.get(words.slice(i, j).join(' '));
        if (others && [...others].some((g) => g !== mine)) return false;
      }
    }
    return true;
  });
}

/**
 * A pack's holder of a title yields to the core's: a pack span that overlaps a core holder's span
 * of the same title is dropped whole (else two holders at once, and holderOn shows nobody).
 */
function packTitlesYield(entries: readonly TitleEntry[], entities: readonly DictionaryEntity[]): TitleEntry[] {
  const isPack = (t: TitleEntry) => entities[t.entity]!.origin === 'pack';
  const core = entries.filter((t) => !isPack(t));
  const overlap = (a: TitleEntry, b: TitleEntry) =>
    (!a.to || comparableDate(b.from, 'start') <= comparableDate(a.to, 'end')) && (!b.to || comparableDate(a.from, 'start') <= comparableDate(b.to, 'end'));
  return entries.filter((t) => !isPack(t) || !core.some((c) => c.title.toLowerCase() === t.title.toLowerCase() && overlap(c, t)));
}

/** A cheap fingerprint of ids and modification times: FNV-1a over the text. */
function dictionaryVersion(entities: readonly Pick<Entity, 'id' | 'modified'>[]): string {
  let h = FNV_OFFSET_BASIS;
  for (const e of entities) h = fnv1a32(`${e.id}@${e.modified};`, h);
  return `${entities.length}-${h.toString(16)}`;
}
