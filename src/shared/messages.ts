// The one contract for every message between contexts. Each call has a request validator (all
// input is hostile until checked) and a documented reply. The background and the content script
// implement handler objects typed against these maps, so a missing handler fails to compile.

import type { PackedDictionary } from './dictionary';
import type { Entity, EntityKind } from './types';

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** Calls a content script makes to the background. Only accepted from a tab. */
export interface BackgroundCalls {
  /** The compiled dictionary. `have` is the version the tab holds; null comes back if unchanged. */
  'dictionary/get': { request: { have: string | null }; response: PackedDictionary | null };
  /** One entity with its history and sources, for the card; null if unknown. */
  'entity/get': { request: { id: string }; response: Entity | null };
}

/** One entity's mentions on a page, as the popup lists them. */
export interface PageMentionSummary {
  entityId: string;
  name: string;
  kind: EntityKind;
  count: number;
}

/** Calls the popup or the background make to a tab's content script. Only accepted from the extension's own pages. */
export interface ContentCalls {
  /** What the page mentions, most mentioned first, and whether the extension is on for this site. */
  'page/mentions': { request: Record<string, never>; response: { enabled: boolean; host: string; mentions: PageMentionSummary[] } };
  /** Scrolls to an entity's first mention and opens its card. */
  'page/reveal': { request: { entityId: string }; response: boolean };
  /** A keyboard command: move to the next or previous mention and open its card. */
  'page/step': { request: { direction: 1 | -1 }; response: boolean };
}

export type CallName<M> = keyof M & string;
export type Request<M, K extends keyof M> = M[K] extends { request: infer R } ? R : never;
export type Response<M, K extends keyof M> = M[K] extends { response: infer R } ? R : never;
export interface Envelope<K extends string = string> {
  call: K;
  payload: unknown;
}

type Validators<M> = { [K in keyof M]: (payload: unknown) => payload is Request<M, K> };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const ENTITY_ID = /^[a-z0-9][a-z0-9-]{0,79}$/;
const VERSION = /^[0-9a-f-]{1,40}$/;

export const backgroundValidators: Validators<BackgroundCalls> = {
  'dictionary/get': (p): p is { have: string | null } =>
    isObject(p) && (p.have === null || (typeof p.have === 'string' && VERSION.test(p.have))),
  'entity/get': (p): p is { id: string } => isObject(p) && typeof p.id === 'string' && ENTITY_ID.test(p.id),
};

export const contentValidators: Validators<ContentCalls> = {
  'page/mentions': (p): p is Record<string, never> => isObject(p) && Object.keys(p).length === 0,
  'page/reveal': (p): p is { entityId: string } => isObject(p) && typeof p.entityId === 'string' && ENTITY_ID.test(p.entityId),
  'page/step': (p): p is { direction: 1 | -1 } => isObject(p) && (p.direction === 1 || p.direction === -1),
};

/** Checks the envelope shape and the payload against its call's validator. */
export function parseEnvelope<M>(message: unknown, validators: Validators<M>): { call: keyof M & string; payload: unknown } | string {
  if (!isObject(message) || typeof message.call !== 'string') return 'malformed message';
  if (!Object.prototype.hasOwnProperty.call(validators, message.call)) return `unknown call: ${message.call.slice(0, 40)}`;
  const call = message.call as keyof M & string;
  if (!validators[call](message.payload)) return `invalid payload for ${call}`;
  return { call, payload: message.payload };
}
