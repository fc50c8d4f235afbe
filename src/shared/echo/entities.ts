// Finds which known entities a sentence names, by their names and aliases, so that an echo naming
// the same body or programme as the earlier promise scores higher. Deliberately simpler than the
// page matcher (src/shared/matcher): a whole-word lookup by first word over a few hundred sentences.

import { fold, terms } from './tokenize';

export interface AliasEntry {
  /** Folded alias, padded with spaces so a search finds whole words only. */
  alias: string;
  id: string;
}

export interface NamedEntity {
  id: string;
  name: string;
  aliases: readonly string[];
  /** Aliases that are ordinary words elsewhere ("Verify"); not used here. */
  contextAliases?: readonly string[];
}

const pad = (s: string) => ` ${fold(s).replace(/[.'-]/g, ' ').replace(/\s+/g, ' ').trim()} `;

/** The alias table: every name and alias of three letters or more that is not a context alias. */
export function aliasTable(entities: readonly NamedEntity[]): AliasEntry[] {
  const out: AliasEntry[] = [];
  for (const e of entities) {
    const context = new Set(e.contextAliases ?? []);
    const seen = new Set<string>();
    for (const a of [e.name, ...e.aliases]) {
      if (context.has(a)) continue;
      const alias = pad(a);
      if (alias.trim().length < 3 || seen.has(alias)) continue;
      seen.add(alias);
      out.push({ alias, id: e.id });
    }
  }
  return out;
}

/**
 * The context aliases alone ("the Coalition", "Digital Blueprint", "Cloud First"): ordinary words
 * elsewhere, so a sentence using one only hints at the entity (features.ts weighs the hint apart).
 */
export function contextAliasTable(entities: readonly NamedEntity[]): AliasEntry[] {
  const out: AliasEntry[] = [];
  for (const e of entities) {
    const seen = new Set<string>();
    for (const a of e.contextAliases ?? []) {
      const alias = pad(a);
      if (alias.trim().length < 3 || seen.has(alias)) continue;
      seen.add(alias);
      out.push({ alias, id: e.id });
    }
  }
  return out;
}

/** Aliases by their first word, built once per table (the table itself stays plain JSON). */
const byFirstWord = new WeakMap<readonly AliasEntry[], Map<string, string[][]>>();

function lookup(table: readonly AliasEntry[]): Map<string, string[][]> {
  let map = byFirstWord.get(table);
  if (!map) {
    map = new Map();
    for (const { alias, id } of table) {
      const ws = alias.trim().split(' ');
      const list = map.get(ws[0]!) ?? [];
      list.push([id, ...ws]);
      map.set(ws[0]!, list);
    }
    byFirstWord.set(table, map);
  }
  return map;
}

/**
 * Ids of the entities a text names, each once. At each word the longest alias starting there
 * wins and the words it covers are skipped, so "GOV.UK" inside "GOV.UK Verify" does not count.
 */
export function findEntities(text: string, table: readonly AliasEntry[]): string[] {
  const map = lookup(table);
  const ws = pad(text).trim().split(' ');
  const found: string[] = [];
  for (let i = 0; i < ws.length;) {
    let best: string[] | undefined;
    for (const entry of map.get(ws[i]!) ?? []) {
      const n = entry.length - 1;
      if (best && n <= best.length - 1) continue;
      let k = 1;
      while (k <= n && ws[i + k - 1] === entry[k]) k++;
      if (k > n) best = entry;
    }
    if (best) {
      if (!found.includes(best[0]!)) found.push(best[0]!);
      i += best.length - 1;
    } else i++;
  }
  return found;
}

/** The word stems of every name and alias of these entities ("government", "digit", "servic" for GDS). */
export function nameStems(table: readonly AliasEntry[], ids: readonly string[]): Set<string> {
  const out = new Set<string>();
  if (ids.length === 0) return out;
  for (const { alias, id } of table) {
    if (!ids.includes(id)) continue;
    for (const t of terms(alias)) if (!t.term.includes(' ')) out.add(t.term);
  }
  return out;
}
