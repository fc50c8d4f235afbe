// Precision policy: which aliases need exact case or page context, and which of several entities
// sharing a name a page means. Pure functions; the data they consult is passed in.

import { CASE_SENSITIVE, DOMAIN_LIKE, NEEDS_CONTEXT } from './matcher/alias-rules';
import { periodContains, type Period } from './partial-date';
import type { EntityKind } from './types';

// Kept for importers not yet moved to partial-date.ts (the matcher and knowledge code, being
// edited elsewhere); new code imports partial-date.ts.
export { comparableDate, periodContains, type Period } from './partial-date';

export interface PrecisionData {
  exactCase: ReadonlySet<string>;
  contextOnly: ReadonlySet<string>;
}

const HONORIFIC = /^(Mr|Mrs|Ms|Miss|Dr|Lord|Lady|Baroness|Dame|Sir)\.? \S+$/;
// Made on first use: a Unicode-property expression builds its character sets as it is created, and
// this module loads in every frame the content script runs in, which never calls aliasFlags.
let domain: RegExp | undefined;

/** The match flags for one alias of an entity. */
export function aliasFlags(alias: string, kind: EntityKind, data: PrecisionData): number {
  const text = alias.trim();
  let flags = 0;
  const singleWord = !/\s/.test(text);
  // A single word is an acronym, a surname or a coined name: its case is part of its identity.
  if (singleWord || data.exactCase.has(text) || /^\p{Ll}/u.test(text)) flags |= CASE_SENSITIVE;
  if (data.contextOnly.has(text)) flags |= NEEDS_CONTEXT;
  // "Javid" or "Mr Clark" alone could be anyone with that surname.
  if (kind === 'person' && (singleWord || HONORIFIC.test(text))) flags |= NEEDS_CONTEXT | CASE_SENSITIVE;
  if (singleWord && (domain ??= /\p{L}\.\p{L}/u).test(text)) flags |= DOMAIN_LIKE;
  return flags;
}

/**
 * Aliases worth matching: a leading "the " is dropped where the rest is an alias too, since the
 * article adds nothing but a longer highlight. Duplicates are removed.
 */
export function matchableAliases(aliases: readonly string[]): string[] {
  // An entity has a handful of names: an array's includes beats building a Set for each. A long
  // list (a pack's, say) is checked against a Set, so the work stays linear.
  const names: string[] = [];
  const seen = aliases.length > 32 ? new Set<string>() : null;
  let articles = false;
  for (const alias of aliases) {
    const a = alias.trim();
    if (a.length === 0 || (seen ? seen.has(a) : names.includes(a))) continue;
    seen?.add(a);
    names.push(a);
    articles ||= a.startsWith('the ');
  }
  if (articles) {
    const live = new Set(names);
    for (const a of names) {
      if (a.startsWith('the ') && live.has(a.slice(4))) live.delete(a);
    }
    return [...live];
  }
  return names;
}

/**
 * Chooses among entities that share an alias. With a publication date, the entity whose period
 * contains it; otherwise (or if none does) the first that has no period ending before today.
 */
export function chooseEntity<T extends { entity: string }>(
  candidates: readonly T[],
  periods: Readonly<Record<string, Period>>,
  pageDate: string | undefined,
  today: string,
): T | undefined {
  if (candidates.length <= 1) return candidates[0];
  const within = (date: string) => (c: T) => {
    // Own keys only: an entity id "constructor" must not read Object.prototype's member.
    const p = Object.hasOwn(periods, c.entity) ? periods[c.entity] : undefined;
    return !!p && periodContains(p, date);
  };
  if (pageDate) {
    const dated = candidates.find(within(pageDate));
    if (dated) return dated;
  }
  return candidates.find(within(today)) ?? candidates[0];
}
