// The seam every page feature plugs into (mentions, claims, and next "Sound familiar?" echoes).
// A feature starts with the session's shared services, paints its own ranges, answers "what is
// at this point?" for hover, and tears down on the session's AbortSignal. Adding one is a folder
// and a line in features/index.ts; the session loops over them and knows none by heart. What a
// card shows is rendered by code loaded on first need (services.ui(), content-ui.js).

import type { Claim } from '../../shared/claims/claim';
import type { DraftStart, EchoView } from '../../shared/messages';
import type { Entity } from '../../shared/types';
import type { Highlighter } from '../highlight/highlighter';
import type { PrivatePainter } from '../highlight/private-painter';
import type { LoadedDictionary } from '../scan/loaded-dictionary';
import type { Prefilter } from '../../shared/matcher/prefilter';
import type { UiParts } from '../lazy/ui-parts';

/** What every card is given, whoever renders it. */
export interface CardCommon {
  today: string;
  nameOf(entityId: string): string;
  onClose(): void;
}

/** Something under the pointer (or stepped to) that has a card. */
export interface CardSubject {
  /** Two subjects with the same key are the same card: moving along a name keeps it open. */
  readonly key: unknown;
  readonly range: AbstractRange;
  /** Builds the card; null if there is nothing to show after all. */
  render(doc: Document, common: CardCommon): Promise<HTMLElement | null>;
}

/** The card as features use it: made, with the card code, on the first reveal or step. */
export interface CardPort {
  reveal(subject: CardSubject): Promise<boolean>;
  /** `acrossFrames`: the reader clicked the card's Previous/Next, which walk the tab as the keys do. */
  step(direction: 1 | -1, acrossFrames?: boolean): Promise<boolean>;
  close(): void;
}

/** The calls to the background a page needs: the extension's side of the page. */
export interface PageBackend {
  loadEntity(id: string): Promise<Entity | null>;
  loadEntityClaims(entityId: string): Promise<Claim[]>;
  fetchClaims(url: string): Promise<{ claims: Claim[]; reveal: string | null }>;
  startDraft(start: DraftStart): Promise<{ draftId: string }>;
  editClaim(claimId: string): Promise<{ draftId: string }>;
  /** For each sentence, the earlier promises it repeats. */
  findEchoes(sentences: string[], pageDate: string | null): Promise<EchoView[][]>;
  /** Whether the reader wants "Sound familiar?" on this site (switches in the popup and options). */
  echoesWanted(): Promise<boolean>;
}

/** What the session shares with its features. */
export interface PageServices {
  readonly doc: Document;
  readonly signal: AbortSignal;
  readonly dictionary: LoadedDictionary;
  /** The background's verdict on the page's text as the first scan reads it, if it gave one. */
  readonly firstVerdict?: Prefilter;
  readonly pageDate: string | undefined;
  today(): string;
  /** Public ranges (built-in names): the page's CSS.highlights. */
  readonly highlighter: Highlighter;
  /** Private ranges (the reader's claims and names): inside our closed shadow root. */
  readonly painter: PrivatePainter;
  readonly card: CardPort;
  /** The card code (content-ui.js), loaded on first call: only on the reader's need, or for claims. */
  ui(): Promise<UiParts>;
  readonly backend: PageBackend;
  /** Opens the claim editor on a draft; false if the session ended meanwhile. */
  edit(draft: Promise<{ draftId: string }>): Promise<boolean>;
}

export interface PageFeature {
  /** What this feature shows at a caret position, if anything. */
  at(node: Node, offset: number): CardSubject | undefined;
  /** Settles when the feature's first pass over the page is done. */
  readonly ready: Promise<void>;
  /** What the keyboard's next/previous commands step through, if anything (any order). */
  stops?(): CardSubject[];
}
