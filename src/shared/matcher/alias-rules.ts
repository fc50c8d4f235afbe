// Flags that tell the matcher how strictly an alias must match. Deciding which alias gets which
// flag is policy and lives in shared/precision.ts; this file only names the bits.

/** The page text must match the alias letter for letter in case (acronyms, bare surnames). */
export const CASE_SENSITIVE = 1;
/** Counts only where the same entity is also mentioned unambiguously on the page. */
export const NEEDS_CONTEXT = 2;
/** Looks like a domain (`gov.uk`): not a mention when it is part of a host name or a URL. */
export const DOMAIN_LIKE = 4;
/**
 * The user's own name (an entity the user added, or a name the user gave a built-in one). Its
 * mentions are painted only inside our closed shadow root, never in the page's CSS.highlights.
 */
export const PRIVATE = 8;
/**
 * Not a name of the entity but a longer name containing one ("Local Government Association of
 * Queensland"): the matcher finds it like any alias, so it wins over the shorter name inside it,
 * and then nothing is shown for it.
 */
export const NOT_A_NAME = 16;
/** A one-word name that is also an everyday English word ("Bracken", "Pickles", "Verify"). */
export const EVERYDAY_WORD = 32;

/** One surface form of one entity, as the dictionary compiler takes it. */
export interface AliasSpec {
  text: string;
  entity: number;
  flags: number;
}
