// Revisions: every write of a syncable record gets a new `rev` (generation + content hash) and
// keeps a bounded list of the revisions it descends from. That ancestry is what lets a merge
// tell "the other side edited a version I already have" from "we both edited it".

/** How many ancestors a record remembers. Beyond that, divergent histories merge as conflicts. */
export const MAX_ANCESTRY = 50;

export interface Revisioned {
  id: string;
  rev: string;
  /** This revision and its ancestors, newest first; revs[0] === rev. */
  revs: string[];
  modified: number;
  deleted?: number;
}

import { fnv1a32 } from '../fnv1a';

const VOLATILE = new Set(['rev', 'revs']);

/** A stable serialisation: keys sorted, revision fields left out. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).filter((k) => !VOLATILE.has(k) && (value as Record<string, unknown>)[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * 64 bits as 16 hex digits: enough to name revisions, not for secrets. Two 32-bit lanes, FNV-1a
 * and a second with its own basis and prime. Stored in every record's rev: never change either.
 */
export function contentHash(text: string): string {
  const h1 = fnv1a32(text);
  const h2 = fnv1a32(text, 0xcbf29ce4, 0x0100019d);
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

export function generation(rev: string): number {
  const n = Number.parseInt(rev, 10);
  return Number.isFinite(n) ? n : 0;
}

/**
 * Stamps `record` as the next revision after `previous` (or the first, if there is none). The
 * parent is hashed in, as CouchDB does, so equal content reached from different histories is a
 * different revision; a first revision depends on content alone, so every install agrees on it.
 */
export function withNextRevision<T extends object>(record: T, previous?: Pick<Revisioned, 'rev' | 'revs'>): T & Pick<Revisioned, 'rev' | 'revs'> {
  const rev = `${(previous ? generation(previous.rev) : 0) + 1}-${contentHash(previous ? `${previous.rev}|${canonicalJson(record)}` : canonicalJson(record))}`;
  const revs = [rev, ...(previous?.revs ?? [])].slice(0, MAX_ANCESTRY);
  return { ...record, rev, revs };
}

/** True if `a` is an ancestor of `b` (b's history contains a's revision). */
export function isAncestor(a: Pick<Revisioned, 'rev'>, b: Pick<Revisioned, 'rev' | 'revs'>): boolean {
  return a.rev !== b.rev && b.revs.includes(a.rev);
}
