// Domain types shared by every context. Pure data: no behaviour, no browser APIs.

export type EntityKind = 'initiative' | 'body' | 'person';
export const ENTITY_KINDS: readonly EntityKind[] = ['initiative', 'body', 'person'];

/** What kind of thing an event is: "Sound familiar?" compares promises and announcements. */
export type EventType =
  | 'promise' | 'announcement' | 'launch' | 'delivery' | 'closure' | 'appointment' | 'departure' | 'figure' | 'report' | 'other';
export const EVENT_TYPES: readonly EventType[] = [
  'promise', 'announcement', 'launch', 'delivery', 'closure', 'appointment', 'departure', 'figure', 'report', 'other',
];

/** A source a fact rests on. `url` is only ever https; anything else is dropped on load. */
export interface Source {
  title: string;
  /** Who published it (a department, a newspaper, a blog). */
  publisher?: string;
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
  type?: EventType;
  text: string;
  outcome?: string;
  /** Indexes into the entity's `sources`. */
  src: number[];
  /** For each of `src`, in our own words: what in that source supports this event. */
  notes?: string[];
  /** Present only where the fact is less certain than its entity (e.g. `uncertain`). */
  confidence?: string;
}

/** A post a person held, for a dated span: "the Communities Secretary" on a 2017 page is whoever held it then. */
export interface Role {
  title: string;
  /** The body's name as it was then, and its id where it is an entity. */
  body: string;
  bodyId?: string;
  from: string;
  /** Absent while the post is held. */
  to?: string;
  /** Short titles that name the holder in running text ("Communities Secretary"). */
  titles?: string[];
  src: number[];
}

/** A name a body or initiative had for a dated span (DCLG 2006–2018, MHCLG 2018–2021…). */
export interface DatedName {
  name: string;
  /** Absent where only the end is known (a programme's working name before its launch). */
  from?: string;
  to?: string;
}

export interface Entity {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  /** Aliases that are ordinary words elsewhere: they count only where the entity is named in full. */
  contextAliases?: string[];
  /**
   * Names of ordinary words that still mean the entity in lower case ("government as a platform"):
   * without this, a name whose words are all ordinary English counts only with its capitals.
   */
  anyCaseAliases?: string[];
  /**
   * Longer names that contain an alias but are someone else ("Local Government Association of
   * Queensland", "Local Government Digital Service"): where one is written, nothing lights up.
   */
  notAliases?: string[];
  summary: string;
  roles?: Role[];
  names?: DatedName[];
  events: EntityEvent[];
  sources: Source[];
  /** Entity-level note on how well sourced it is: `sourced`, or words saying what is not. */
  confidence: string;
  /** Where it came from: the built-in knowledge base (the core pack), a subscribed pack, or the user. */
  origin: 'builtin' | 'pack' | 'user';
  /** A pack's entity: the pack's id, which also prefixes the entity's id ("scottish-digital:…"). */
  packId?: string;
  /** A pack's entity: what the card says it is from ("From <title> · maintained by <maintainer>"). */
  packLabel?: { title: string; maintainer: string };
  /** Set once the user changes a built-in or pack entity; re-seeding or a pack update never touches it after that. */
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
