// The one contract for every message between contexts. Each call has a request validator (all
// input is hostile until checked) and a documented reply. The background and the content script
// implement handler objects typed against these maps, so a missing handler fails to compile.

import type { Claim, ClaimDraft, ClaimFields, ClaimTarget } from './claims/claim';
import { LIMITS } from './claims/claim';
import { parseClaimFields, parseNewClaimant, parsePageTitle, parseTarget } from './claims/validate-claim';
import { isContentPart, type ContentPart } from './content-parts';
import { isTextToCheck, type PageDictionary, type PageStart, type TextToCheck } from './page-start';
import type { ConflictView, RecordKind } from './sync/conflict-view';
import { STEP_ANSWERS, type ContentCalls, type PageMentionSummary, type StepAnswer, type StepFrom, type UnplacedClaim } from './content-calls';
import { ECHO_SENTENCE_CHARS, ECHO_SENTENCES, ECHO_TEXT_CHARS, type EchoView } from './echo-view';
import type { ImportSummary } from './sync/plan-import';
import { IMPORT_LIMITS } from './sync/limits';
import type { Entity, EntityKind, EntitySummary } from './types';
import { ENTITY_KINDS } from './types';
import { entityId, oneOf, optionalPartialDate, passes, string, uuid, ValidationError } from './validate';
import { SITE_PACK_CALL_SENDERS, sitePackValidators, type SitePackCalls } from './site-pack-calls';
import { isTeamClaimId, TEAM_CALL_SENDERS, teamValidators, type ShownClaim, type TeamCalls } from './team/team-calls';

export type { EchoView };

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** What a selection offers to prefill a new claim with. */
export interface DraftStart {
  target: ClaimTarget;
  pageTitle: string;
  pageDate: string | null;
  /** Entity ids suggested from mentions in and around the selection. */
  claimant: string | null;
  entities: string[];
  /** Which editor tab opens first. */
  mode: 'claim' | 'entity';
  /** Earlier promises (EchoView ids) this sentence repeats: the draft starts as status "repeated". */
  repeats?: string[];
  /** A followed team's claim on this page (its namespaced id) that the draft starts as a copy of. */
  copyOf?: string;
}

/** The editor's "Save claim": the draft, its fields, and a person to create as the claimant if asked. */
export type DraftSave = { id: string; fields: ClaimFields; newClaimant?: string };

/** An entity as pickers list it: enough to choose and search by. */
export interface EntityChoice extends EntitySummary {
  aliases: string[];
}

/**
 * Calls to the background. Who may make each is in BACKGROUND_CALL_SENDERS: `content` calls
 * come from content scripts and act for their tab; `extension` calls come from our own pages
 * (popup, editor, claims list) and can read or change everything.
 */
export interface BackgroundCalls extends SitePackCalls, TeamCalls {
  /**
   * What a page starts with, in one round trip: whether the reader has switched the sender's site
   * off, and if not whether the reader wants "Sound familiar?" there and, where the page has
   * claims, the compiled dictionary (no tab keeps one to compare, so there is nothing to ask about)
   * and the claims as 'claims/for-page' gives them. A page with no claims asks for the dictionary
   * with its text ('page/dictionary'). The page is the sender's own (its frame's address), never one it names.
   */
  'page/start': { request: Record<string, never>; response: PageStart };
  /** The dictionary, for a page 'page/start' sent none, if its text could name something (page-start.ts). */
  'page/dictionary': { request: TextToCheck; response: PageDictionary };
  /** A part of the content script (content-parts.ts), injected into the sender's own frame when it needs it. */
  'page/code': { request: { part: ContentPart }; response: null };
  /** The highlight styles (highlights.css), added to the sender's own frame once it first registers a public highlight. */
  'page/styles': { request: Record<string, never>; response: null };
  /**
   * The card's Previous/Next, clicked by the reader at the end of its frame's stops: the keyboard's
   * walk goes on from the sender's frame through the tab's other frames. True if a card opened.
   */
  'page/step-tab': { request: { direction: 1 | -1 }; response: boolean };
  /** One entity with its history and sources, for the card; null if unknown. */
  'entity/get': { request: { id: string }; response: Entity | null };
  /** The live claims on a page (the reader's, then followed teams' marked `team`), and one to reveal if the claims list asked. */
  'claims/for-page': { request: { url: string }; response: { claims: ShownClaim[]; reveal: string | null } };
  /** The live claims by or about an entity (teams' marked `team`), for its card's timeline. */
  'claims/for-entity': { request: { entityId: string }; response: ShownClaim[] };
  /** Starts a draft claim from a selection; the editor frame opens it by id. */
  'draft/start': { request: DraftStart; response: { draftId: string } };
  /** For each sentence of the sender's page, the earlier promises it repeats (none for one that announces nothing). */
  'echoes/find': { request: { sentences: string[]; pageDate: string | null }; response: EchoView[][] };

  /** A draft, for the editor; null if it was saved or discarded meanwhile. */
  'draft/get': { request: { id: string }; response: { draft: ClaimDraft; mode: 'claim' | 'entity' } | null };
  /** Saves the editor's fields into the draft as the user types, so nothing is lost. */
  'draft/update': { request: { id: string; fields: ClaimFields }; response: null };
  'draft/discard': { request: { id: string }; response: null };
  /** Turns a draft into a claim (new, or an edit of the claim it came from). A `newClaimant` is
   * created (or found) as its maker in the same transaction: a failure leaves neither behind. */
  'draft/save': { request: DraftSave; response: Claim };
  /** Unsaved drafts, newest first, so an interrupted edit can be resumed. */
  'drafts/list': { request: Record<string, never>; response: ClaimDraft[] };
  'claims/list': { request: Record<string, never>; response: Claim[] };
  /** Opens a draft for editing an existing claim. */
  'claim/edit': { request: { id: string }; response: { draftId: string } };
  /** The same, from a claim's card on a page: only for a claim recorded on the sender's own site. */
  'claim/edit-on-page': { request: { id: string }; response: { draftId: string } };
  /** Deletes a claim, keeping a tombstone so the deletion travels with exports. */
  'claim/delete': { request: { id: string }; response: null };
  /** Opens the claim's page in a new tab, scrolled to the quote. */
  'claim/open': { request: { id: string }; response: null };
  /** Every entity, for pickers. */
  'entities/list': { request: Record<string, never>; response: EntityChoice[] };
  /** Adds an entity the user names; it is detected on pages from then on. */
  'entity/create': { request: { kind: EntityKind; name: string; summary: string }; response: EntityChoice };
  /** Adds another name for an existing entity. */
  'entity/add-alias': { request: { entityId: string; alias: string }; response: EntityChoice };

  /** The export file: every claim (with deletions), and the entities the user added or edited. */
  'sync/export': { request: Record<string, never>; response: { fileName: string; json: string; claims: number; entities: number } };
  /** The user's live claims as CSV, for spreadsheets. */
  'sync/export-csv': { request: Record<string, never>; response: { fileName: string; csv: string } };
  /** Reads and validates an import file and says what it would change; nothing is written. */
  'sync/preview': { request: { text: string }; response: { token: string; summary: ImportSummary } };
  /** Applies a previewed import: backup first, then one transaction. */
  'sync/apply': { request: { token: string }; response: ImportSummary };
  /** The backup taken before the last import, if any. */
  'sync/backup': { request: Record<string, never>; response: { created: number; reason: string; claims: number } | null };
  /** Undo last import: puts the backup back. */
  'sync/undo': { request: Record<string, never>; response: boolean };
  /** Records with conflicting versions from other devices. */
  'sync/conflicts': { request: Record<string, never>; response: ConflictView[] };
  /** Keeps one version of a conflicted record. */
  'sync/resolve': { request: { kind: RecordKind; id: string; rev: string }; response: null };
}

export type SenderKind = 'content' | 'extension';

// The background's tables are built by calls marked pure: an object spread may run getters, so a
// bundler keeps a plain literal with spreads even where nothing reads it, and every page's content
// script carried these tables and the claim validators they pull in (~9 KB) without using them.
export const BACKGROUND_CALL_SENDERS: { [K in keyof BackgroundCalls]: SenderKind } = /* @__PURE__ */ (() => ({
  'page/start': 'content',
  'page/dictionary': 'content',
  'page/code': 'content',
  'page/styles': 'content',
  'page/step-tab': 'content',
  'entity/get': 'content',
  'claims/for-page': 'content',
  'claims/for-entity': 'content',
  'draft/start': 'content',
  'echoes/find': 'content',
  'draft/get': 'extension',
  'draft/update': 'extension',
  'draft/discard': 'extension',
  'draft/save': 'extension',
  'drafts/list': 'extension',
  'claims/list': 'extension',
  'claim/edit': 'extension',
  'claim/edit-on-page': 'content',
  'claim/delete': 'extension',
  'claim/open': 'extension',
  'entities/list': 'extension',
  'entity/create': 'extension',
  'entity/add-alias': 'extension',
  'sync/export': 'extension',
  'sync/export-csv': 'extension',
  'sync/preview': 'extension',
  'sync/apply': 'extension',
  'sync/backup': 'extension',
  'sync/undo': 'extension',
  'sync/conflicts': 'extension',
  'sync/resolve': 'extension',
  ...SITE_PACK_CALL_SENDERS,
  ...TEAM_CALL_SENDERS,
}))();

export type { ContentCalls, PageMentionSummary, StepAnswer, StepFrom, UnplacedClaim };

export type CallName<M> = keyof M & string;
export type Request<M, K extends keyof M> = M[K] extends { request: infer R } ? R : never;
export type Response<M, K extends keyof M> = M[K] extends { response: infer R } ? R : never;
export interface Envelope<K extends string = string> {
  call: K;
  payload: unknown;
}

type Validators<M> = { [K in keyof M]: (payload: unknown) => payload is Request<M, K> };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
// A pack's entities are namespaced by the pack: "scottish-digital:scotgov-digital".
const ENTITY_ID = /^[a-z0-9][a-z0-9-]{0,79}(:[a-z0-9][a-z0-9-]{0,79})?$/;
/** An earlier promise: `entity-id#event-index`, or a claim's uuid. */
// A pack entity's event is `pack-id:entity-id#3`.
const ECHO_ID = /^(?:[a-z0-9][a-z0-9-]{0,79}(?::[a-z0-9][a-z0-9-]{0,79})?#\d{1,4}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/**
 * The most hosts one 'page/sites' message names. Only the sites whose switch changed travel (the
 * popup flips one at a time); a bigger change, whatever the list's length, goes in several messages.
 */
export const SITE_CHANGES_PER_MESSAGE = 1_000;

const isEmpty = (p: unknown): p is Record<string, never> => isObject(p) && Object.keys(p).length === 0;
const hasUuid = (p: unknown): p is { id: string } => isObject(p) && passes(() => uuid(p.id, 'id'));

export const backgroundValidators: Validators<BackgroundCalls> = /* @__PURE__ */ (() => ({
  'page/start': isEmpty,
  'page/dictionary': isTextToCheck,
  'page/code': (p): p is { part: ContentPart } => isObject(p) && isContentPart(p.part) && Object.keys(p).length === 1,
  'page/styles': isEmpty,
  'page/step-tab': (p): p is { direction: 1 | -1 } => isObject(p) && (p.direction === 1 || p.direction === -1) && Object.keys(p).length === 1,
  'entity/get': (p): p is { id: string } => isObject(p) && typeof p.id === 'string' && ENTITY_ID.test(p.id),
  'claims/for-page': (p): p is { url: string } => isObject(p) && typeof p.url === 'string' && p.url.length <= LIMITS.url,
  'claims/for-entity': (p): p is { entityId: string } => isObject(p) && passes(() => entityId(p.entityId, 'entityId')),
  'draft/start': (p): p is DraftStart => isObject(p) && passes(() => {
    parseTarget(p.target);
    parsePageTitle(p.pageTitle);
    optionalPartialDate(p.pageDate, 'pageDate');
    if (p.claimant !== null) entityId(p.claimant, 'claimant');
    if (!Array.isArray(p.entities) || p.entities.length > LIMITS.entities) throw new ValidationError('entities', 'must be a short list');
    p.entities.forEach((e, i) => entityId(e, `entities[${i}]`));
    oneOf(p.mode, 'mode', ['claim', 'entity'] as const);
    if (p.repeats !== undefined) {
      if (!Array.isArray(p.repeats) || p.repeats.length > 5) throw new ValidationError('repeats', 'must be a list of at most 5');
      p.repeats.forEach((r, i) => { if (typeof r !== 'string' || !ECHO_ID.test(r)) throw new ValidationError(`repeats[${i}]`, 'must be an echo id'); });
    }
    if (p.copyOf !== undefined && !isTeamClaimId(p.copyOf)) throw new ValidationError('copyOf', 'must be a team claim\'s id');
  }),
  'echoes/find': (p): p is { sentences: string[]; pageDate: string | null } => isObject(p) && passes(() => {
    if (!Array.isArray(p.sentences) || p.sentences.length > ECHO_SENTENCES) throw new ValidationError('sentences', 'must be a short list');
    // The total first, cheaply: a hostile maximum is refused before each sentence is read.
    const total = p.sentences.reduce((n: number, s: unknown) => n + (typeof s === 'string' ? s.length : 0), 0);
    if (total > ECHO_TEXT_CHARS) throw new ValidationError('sentences', 'must be at most an article\'s worth of text');
    p.sentences.forEach((s, i) => string(s, `sentences[${i}]`, ECHO_SENTENCE_CHARS, { allowEmpty: false }));
    optionalPartialDate(p.pageDate, 'pageDate');
  }),
  'draft/get': hasUuid,
  'draft/update': (p): p is { id: string; fields: ClaimFields } => hasUuid(p) && passes(() => parseClaimFields((p as Record<string, unknown>).fields)),
  'draft/discard': hasUuid,
  'draft/save': (p): p is DraftSave => hasUuid(p) && passes(() => {
    const { fields, newClaimant } = p as Record<string, unknown>;
    parseNewClaimant(newClaimant, parseClaimFields(fields));
  }),
  'drafts/list': isEmpty,
  'claims/list': isEmpty,
  'claim/edit': hasUuid,
  'claim/edit-on-page': hasUuid,
  'claim/delete': hasUuid,
  'claim/open': hasUuid,
  'entities/list': isEmpty,
  'entity/create': (p): p is { kind: EntityKind; name: string; summary: string } => isObject(p) && passes(() => {
    oneOf(p.kind, 'kind', ENTITY_KINDS);
    string(p.name, 'name', LIMITS.name, { allowEmpty: false });
    string(p.summary, 'summary', LIMITS.note);
  }),
  'entity/add-alias': (p): p is { entityId: string; alias: string } => isObject(p) && passes(() => {
    entityId(p.entityId, 'entityId');
    string(p.alias, 'alias', LIMITS.alias, { allowEmpty: false });
  }),
  'sync/export': isEmpty,
  'sync/export-csv': isEmpty,
  // The file itself is checked by readImport, which names what is wrong; here only its size.
  'sync/preview': (p): p is { text: string } => isObject(p) && typeof p.text === 'string' && p.text.length <= IMPORT_LIMITS.bytes + 1_000_000,
  'sync/apply': (p): p is { token: string } => isObject(p) && passes(() => uuid(p.token, 'token')),
  'sync/backup': isEmpty,
  'sync/undo': isEmpty,
  'sync/conflicts': isEmpty,
  'sync/resolve': (p): p is { kind: RecordKind; id: string; rev: string } => isObject(p) && passes(() => {
    const kind = oneOf(p.kind, 'kind', ['claim', 'entity'] as const);
    if (kind === 'claim') uuid(p.id, 'id');
    else entityId(p.id, 'id');
    string(p.rev, 'rev', 40, { allowEmpty: false });
  }),
  ...sitePackValidators,
  ...teamValidators,
}))();

export const contentValidators: Validators<ContentCalls> = {
  'page/mentions': (p): p is Record<string, never> => isEmpty(p),
  'page/reveal': (p): p is { entityId: string } => isObject(p) && typeof p.entityId === 'string' && ENTITY_ID.test(p.entityId),
  'page/step': (p): p is { direction: 1 | -1; from: StepFrom } => isObject(p) && (p.direction === 1 || p.direction === -1)
    && (p.from === 'shown' || p.from === 'edge'),
  'page/record': (p): p is { mode: 'claim' | 'entity' } => isObject(p) && (p.mode === 'claim' || p.mode === 'entity'),
  'page/refresh': (p): p is { dictionary: boolean } => isObject(p) && typeof p.dictionary === 'boolean',
  'page/unplaced': (p): p is Record<string, never> => isEmpty(p),
  'page/echoes': (p): p is Record<string, never> => isEmpty(p),
  'page/sites': (p): p is { off: string[]; on: string[] } => isObject(p) && isHostList(p.off) && isHostList(p.on)
    && p.off.length + p.on.length <= SITE_CHANGES_PER_MESSAGE,
};

function isHostList(value: unknown): value is string[] {
  return Array.isArray(value) && value.length <= SITE_CHANGES_PER_MESSAGE && value.every((h) => typeof h === 'string' && h.length <= 253);
}

/** A frame's answer to 'page/step', checked before the background acts on it: the frame runs on a page. */
export function isStepAnswer(value: unknown): value is StepAnswer {
  return typeof value === 'string' && (STEP_ANSWERS as readonly string[]).includes(value);
}

/** Checks the envelope shape and the payload against its call's validator. */
export function parseEnvelope<M>(message: unknown, validators: Validators<M>): { call: keyof M & string; payload: unknown } | string {
  if (!isObject(message) || typeof message.call !== 'string') return 'malformed message';
  if (!Object.prototype.hasOwnProperty.call(validators, message.call)) return `unknown call: ${message.call.slice(0, 40)}`;
  const call = message.call as keyof M & string;
  if (!validators[call](message.payload)) return `invalid payload for ${call}`;
  return { call, payload: message.payload };
}
