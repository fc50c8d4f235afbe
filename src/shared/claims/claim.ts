// A claim the user recorded: a W3C Web Annotation (target with quote and position selectors,
// motivation, body) plus the structured fields that make it a claim. Types and constants only.

export const CLAIM_TYPES = ['promise', 'announcement', 'figure', 'assertion'] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];

export const CLAIM_STATUSES = ['made', 'repeated', 'in-progress', 'delivered', 'dropped', 'unknown'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const STATUS_LABEL: Record<ClaimStatus, string> = {
  made: 'Made', repeated: 'Repeated', 'in-progress': 'In progress', delivered: 'Delivered', dropped: 'Dropped', unknown: 'Unknown',
};
export const TYPE_LABEL: Record<ClaimType, string> = {
  promise: 'Promise', announcement: 'Announcement', figure: 'Figure', assertion: 'Assertion',
};

/** W3C Web Annotation TextQuoteSelector. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/**
 * W3C Web Annotation TextPositionSelector. Offsets count characters of the page's text with
 * whitespace runs collapsed to one space (see content/anchoring/page-text.ts), which survives
 * re-indented HTML where raw offsets would not.
 */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface ClaimTarget {
  /** The page, normalised (no fragment, no tracking parameters). */
  source: string;
  selector: [TextQuoteSelector, TextPositionSelector];
}

export interface TextualBody {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging';
  format: 'text/plain';
}

/** The structured fields of a claim; what the editor edits. */
export interface ClaimFields {
  /** Entity id of who made it, if known. */
  claimant: string | null;
  /** Entity ids it concerns. */
  entities: string[];
  /** When it was made: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  madeOn: string;
  claimType: ClaimType;
  status: ClaimStatus;
  deadline: string | null;
  note: string;
  tags: string[];
}

export interface Claim extends ClaimFields {
  /** A random UUID (the annotation id is `urn:uuid:` + this). */
  id: string;
  type: 'Annotation';
  motivation: 'assessing';
  target: ClaimTarget;
  /** Derived from note and tags on every write, so the record is a complete annotation. */
  body: TextualBody[];
  pageTitle: string;
  created: number;
  modified: number;
  /** Set when deleted: the record stays as a tombstone so deletions travel with exports. */
  deleted?: number;
  /** Revision and ancestry, for merging copies from other devices (shared/sync/revision.ts). */
  rev: string;
  revs: string[];
}

/** A claim being written: everything the selection gave, saved as the user types. */
export interface ClaimDraft {
  id: string;
  /** The tab the draft was started from, to tell it when the editor closes. */
  tabId: number | null;
  target: ClaimTarget;
  pageTitle: string;
  /** The page's publication date, if it has one. */
  pageDate: string | null;
  fields: ClaimFields;
  /** Set when editing an existing claim rather than recording a new one. */
  claimId: string | null;
  /** Whether the editor opens on recording a claim or on adding the selection to the knowledge base. */
  mode: 'claim' | 'entity';
  modified: number;
}

export const LIMITS = {
  quote: 2000,
  context: 64,
  note: 5000,
  tag: 40,
  tags: 20,
  entities: 20,
  title: 300,
  url: 2048,
  name: 120,
  alias: 120,
} as const;
