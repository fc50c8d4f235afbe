// How large the knowledge base may grow. Every name and alias is compiled into the dictionary the
// background sends to every tab in one message, which Chromium caps at 64 MB: past that,
// highlighting stops on every page. These caps are checked against one file and against the
// whole knowledge base an import (or the editor) would leave behind.

import { formatCount } from '../format-count';
import type { Entity } from '../types';

/**
 * The compiled dictionary costs about 16 bytes per character of name or alias (trie arrays as
 * base64, plus each variant’s text), so a million characters compiles to about 15–16 MB, a quarter
 * of the message cap. test/unit/shared/sync/knowledge-limits.test.ts measures it at the caps.
 */
export const KNOWLEDGE_LIMITS = {
  aliasesPerEntity: 50,
  /** Names and aliases, built-in ones included. */
  names: 20_000,
  /** Characters of every name and alias together. */
  nameChars: 1_000_000,
} as const;

export interface NameTotals {
  names: number;
  chars: number;
}

/** Names and aliases of the live entities: what the dictionary compiles. */
export function nameTotals(entities: Iterable<Pick<Entity, 'name' | 'aliases' | 'deleted'>>): NameTotals {
  let names = 0;
  let chars = 0;
  for (const e of entities) {
    if (e.deleted !== undefined) continue;
    names += 1 + e.aliases.length;
    chars += e.name.length;
    for (const alias of e.aliases) chars += alias.length;
  }
  return { names, chars };
}

/**
 * Why a knowledge base with `after` would be too large (`now` is what it holds today), or null.
 * One already over a cap (from before the caps) may still shrink or stay as it is.
 */
export function knowledgeBaseProblem(after: NameTotals, now: NameTotals): string | null {
  if (after.names > KNOWLEDGE_LIMITS.names && after.names > now.names) {
    return `The knowledge base would then hold ${formatCount(after.names)} names and aliases (it holds ${formatCount(now.names)} now); at most ${formatCount(KNOWLEDGE_LIMITS.names)} can be highlighted.`;
  }
  if (after.chars > KNOWLEDGE_LIMITS.nameChars && after.chars > now.chars) {
    return `The knowledge base’s names and aliases would then come to ${formatCount(after.chars)} characters (${formatCount(now.chars)} now); at most ${formatCount(KNOWLEDGE_LIMITS.nameChars)} can be highlighted.`;
  }
  return null;
}

/** Why one file's entities hold too many names, or null. */
export function fileNamesProblem(totals: NameTotals): string | null {
  if (totals.names > KNOWLEDGE_LIMITS.names) {
    return `The file holds ${formatCount(totals.names)} entity names and aliases; at most ${formatCount(KNOWLEDGE_LIMITS.names)} can be imported at once.`;
  }
  if (totals.chars > KNOWLEDGE_LIMITS.nameChars) {
    return `The file’s entity names and aliases come to ${formatCount(totals.chars)} characters; at most ${formatCount(KNOWLEDGE_LIMITS.nameChars)} can be imported at once.`;
  }
  return null;
}
