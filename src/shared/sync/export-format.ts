// The export file: a versioned envelope holding the user's claims as W3C Web Annotation JSON-LD
// (other annotation tools can read them; our structured fields sit under `soundFamiliar`), and
// the entities the user added or edited. Deletions travel as tombstones that carry no content.

import { annotationBody } from '../claims/annotation-body';
import type { Claim, ClaimTarget } from '../claims/claim';
import type { Entity } from '../types';
import { localDay } from '../today';

export const EXPORT_FORMAT = 'sound-familiar';
export const EXPORT_VERSION = 1;
const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export interface ExportEnvelope {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  deviceId: string;
  claims: AnnotationJson[];
  entities: EntityJson[];
}

export interface AnnotationJson {
  '@context'?: string;
  id: string;
  type: 'Annotation';
  motivation?: 'assessing';
  created: string;
  modified: string;
  target?: ClaimTarget;
  body?: unknown[];
  soundFamiliar: {
    rev: string;
    revs: string[];
    deleted?: string;
    claimant?: string | null;
    entities?: string[];
    madeOn?: string;
    claimType?: string;
    status?: string;
    deadline?: string | null;
    note?: string;
    tags?: string[];
    pageTitle?: string;
  };
}

export type EntityJson = Omit<Entity, 'created' | 'modified' | 'deleted'> & { created: string; modified: string; deleted?: string };

const iso = (ms: number) => new Date(ms).toISOString();
export const URN = 'urn:uuid:';

export function claimToAnnotation(claim: Claim): AnnotationJson {
  const identity = { id: URN + claim.id, type: 'Annotation' as const, created: iso(claim.created), modified: iso(claim.modified) };
  if (claim.deleted !== undefined) {
    return { ...identity, soundFamiliar: { rev: claim.rev, revs: claim.revs, deleted: iso(claim.deleted) } };
  }
  return {
    '@context': ANNOTATION_CONTEXT,
    ...identity,
    motivation: 'assessing',
    target: claim.target,
    body: annotationBody(claim),
    soundFamiliar: {
      rev: claim.rev, revs: claim.revs, claimant: claim.claimant, entities: claim.entities, madeOn: claim.madeOn,
      claimType: claim.claimType, status: claim.status, deadline: claim.deadline, note: claim.note, tags: claim.tags,
      pageTitle: claim.pageTitle,
    },
  };
}

export function entityToJson(entity: Entity): EntityJson {
  const { created, modified, deleted, ...rest } = entity;
  if (deleted !== undefined) {
    return { ...tombstoneEntityContent(entity.id, entity.kind), rev: entity.rev, revs: entity.revs, created: iso(created), modified: iso(modified), deleted: iso(deleted) };
  }
  return { ...rest, created: iso(created), modified: iso(modified) };
}

/** Entities worth exporting: the user's own, and built-in ones the user changed. */
export function isUserData(entity: Entity): boolean {
  return entity.origin === 'user' || !!entity.userEdited;
}

export function buildEnvelope(claims: readonly Claim[], entities: readonly Entity[], deviceId: string, now: number): ExportEnvelope {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: iso(now),
    deviceId,
    claims: claims.map(claimToAnnotation),
    entities: entities.filter(isUserData).map(entityToJson),
  };
}

/** What a deleted claim keeps: nothing the user wrote, so sharing a file never leaks it. */
export function claimTombstone(id: string, created: number, deleted: number): Omit<Claim, 'rev' | 'revs'> {
  return {
    id, type: 'Annotation', motivation: 'assessing', created, modified: deleted, deleted,
    target: { source: '', selector: [{ type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' }, { type: 'TextPositionSelector', start: 0, end: 0 }] },
    body: [], pageTitle: '', claimant: null, entities: [], madeOn: '', claimType: 'assertion', status: 'unknown', deadline: null, note: '', tags: [],
  };
}

export function tombstoneEntityContent(id: string, kind: Entity['kind']): Omit<Entity, 'created' | 'modified' | 'rev' | 'revs' | 'deleted'> {
  return { id, kind, name: '', aliases: [], summary: '', events: [], sources: [], confidence: '', origin: 'user' };
}

/** `sound-familiar-2026-11-26.json` */
export function exportFileName(now: number, extension = 'json'): string {
  return `sound-familiar-${localDay(now)}.${extension}`;
}
