// What a knowledge pack is: a versioned JSON file of entities in the core pack's schema, with its
// metadata and its precision rules as data. The built-in knowledge is the core pack, the user's own
// names are the user pack; subscribed packs sit between, their ids namespaced by the pack.
// docs/pack.schema.json describes the same format for maintainers; parse-pack.ts enforces it.

import type { CoreEntity } from '../knowledge/entity-parser';
import type { Period } from '../precision';

export const PACK_FORMAT = 1;

/** Pack ids the extension keeps for itself: the built-in knowledge and the user's own names. */
export const RESERVED_PACK_IDS: readonly string[] = ['core', 'user'];

export interface PackMeta {
  /** A lower-case slug, unique among packs; the prefix of every entity id it installs. */
  id: string;
  title: string;
  maintainer: string;
  /** https only. */
  homepage?: string;
  /** An SPDX identifier or a short name ("CC-BY-4.0"). */
  licence: string;
  /** Semantic version of the pack's content ("1.2.0"). */
  version: string;
  /** When its content last changed: YYYY-MM-DD. */
  updated: string;
  /** The oldest Sound Familiar that reads it correctly (semantic version). */
  minAppVersion?: string;
}

/**
 * Precision rules as data, beyond each entity's own (`contextAliases`, `anyCaseAliases`,
 * `notAliases`). `periods`: when two entities share a name, the one whose period holds the page's
 * date is meant ("Local Digital Programme" was DCLG's 2013–2017, MHCLG's from 2018). Keys are
 * the pack's own entity ids.
 */
export interface PackPrecision {
  periods?: Record<string, Period>;
}

export interface Pack {
  format: typeof PACK_FORMAT;
  meta: PackMeta;
  entities: CoreEntity[];
  precision?: PackPrecision;
}

/** How much one pack may hold: every alias is compiled into the dictionary every tab receives. */
export const PACK_LIMITS = {
  /** Characters of the pack's text (UTF-16 code units; about as many bytes for English). */
  bytes: 5_000_000,
  entities: 2_000,
  /** Names and aliases of all its entities together. */
  aliases: 10_000,
  /** Events of all its entities together: the background's echo index reads every one. */
  events: 10_000,
  /** Nesting of the JSON: an entity is about 5 levels deep, so anything past this is hostile. */
  depth: 16,
  /** Characters of a metadata field. */
  metaText: 200,
} as const;

/** The installed id of a pack's entity: packs never collide with the core or with each other. */
export const namespacedId = (packId: string, id: string): string => `${packId}:${id}`;

/** Compares two semantic versions by their numbers (a pre-release counts as its release). */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) => v.split('-')[0]!.split('.').map((n) => Number.parseInt(n, 10) || 0);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}
