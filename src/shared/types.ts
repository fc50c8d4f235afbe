// Domain types shared by every context. Pure data: no behaviour, no browser APIs.

export type EntityKind = 'initiative' | 'body' | 'person';
export const ENTITY_KINDS: readonly EntityKind[] = ['initiative', 'body', 'person'];

/** A source a fact rests on. `url` is only ever http(s); anything else is dropped on load. */
export interface Source {
  title: string;
  url?: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date?: string;
  /** The date as the source gives it, where `date` alone would overstate it (`2018/2019`). */
  dateLabel?: string;
}

/** One dated fact in an entity's history. */
export interface EntityEvent {
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; '' for an undated fact. */
  date: string;
  /** Shown instead of the date where it is a range, a financial year, a season or undated. */
  dateLabel?: string;
  text: string;
  outcome?: string;
  /** Indexes into the entity's `sources`. */
  src: number[];
  /** Present only where the fact is less certain than its entity (e.g. `uncertain`). */
  confidence?: string;
}

export interface Entity {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  summary: string;
  events: EntityEvent[];
  sources: Source[];
  /** Entity-level note on how well sourced it is: `sourced`, or words saying what is not. */
  confidence: string;
  /** Where it came from: the built-in knowledge base, or the user. */
  origin: 'builtin' | 'user';
  /** Set once the user changes a built-in entity; re-seeding never touches it after that. */
  userEdited?: boolean;
  created: number;
  modified: number;
  /** Set when the user deletes an entity they added; kept as a tombstone for sync. */
  deleted?: number;
  /** Revision and ancestry, for merging copies from other devices (shared/sync/revision.ts). */
  rev: string;
  revs: string[];
}

/** What the content script needs to know about an entity to match and label it. */
export interface EntitySummary {
  id: string;
  kind: EntityKind;
  name: string;
}
