// Builds the echo index: the earlier promises and announcements a page sentence is compared with
// (entities' events of the chosen types, plus the user's own claims), as plain JSON so the
// background can precompute it and send it to a tab. Each event also carries its entity's summary as a
// second field (context.ts), which scoring weighs down. Scoring lives in bm25.ts, not here. Each item
// says whether it is public: a page may see an echo of the shipped knowledge painted, never one
// that tells which packs the reader follows or what the reader wrote.

import type { Entity, EntityEvent, EventType } from '../types';
import { fractionalYear } from './bm25';
import { eventContext, undatedTerm } from './context';
import { aliasTable, contextAliasTable, findEntities, type AliasEntry, type NamedEntity } from './entities';
import { termCounts } from './tokenize';

export const ECHO_INDEX_VERSION = 5;
export const ECHO_TYPES: readonly EventType[] = ['promise', 'announcement', 'launch'];

export interface EchoItem {
  /** `entityId#eventIndex` for entities' events; the claim's id for the user's claims. */
  id: string;
  /** An entity's event ('builtin', whatever the entity's origin: scoring reads it) or a claim. */
  origin: 'builtin' | 'claim';
  /** Only an event of an unedited built-in entity is public; a pack's, the reader's, a claim are not. */
  private: boolean;
  entityId?: string;
  /** The entity's name, for the card ("Local Digital Coalition, April 2016"). */
  label: string;
  date: string;
  /** `date` as a fractional year, computed once here rather than per sentence scored. */
  year: number;
  type: EventType;
  text: string;
  /** Entities the item concerns: its own, and any its text names. */
  entities: string[];
  /** Terms and their counts, as parallel arrays (smaller JSON than an object per term). */
  terms: string[];
  tf: number[];
  length: number;
  /** The second field (context.ts): what the shipped knowledge says around the event (its entity's summary). */
  context?: { terms: string[]; tf: number[]; length: number };
}

export interface EchoIndex {
  version: number;
  items: EchoItem[];
  /**
   * Items the word statistics below count: the public ones only (the shipped knowledge, unedited),
   * so that a page cannot read the reader's packs, entities or claims from how scores move.
   */
  docs: number;
  /** Document frequency of each term over the counted items. */
  df: Record<string, number>;
  /** How many counted items concern each entity: GDS is in dozens, so sharing it says less. */
  entityDf: Record<string, number>;
  /** Mean length of the counted items. */
  avgLength: number;
  /** Mean length of the counted items' context field. */
  avgContextLength?: number;
  aliases: AliasEntry[];
  /** Context aliases, which only hint at an entity (entities.ts contextAliasTable). */
  contextAliases?: AliasEntry[];
  /** Entity id → display name, for the explanation. */
  names: Record<string, string>;
  /** Entity id → kind (person, body, initiative): a feature of the match (features.ts). */
  kinds?: Record<string, string>;
}

export interface IndexEntity extends NamedEntity, Partial<Pick<Entity, 'origin' | 'userEdited' | 'summary'>> {
  events: readonly EntityEvent[];
  kind?: string;
}

/** Public only when known to be the shipped knowledge untouched; an entity without an origin is private. */
export function isPublicEntity(e: Pick<IndexEntity, 'origin' | 'userEdited'>): boolean {
  return e.origin === 'builtin' && !e.userEdited;
}

/** A user's claim, as the background holds it: the fields the index needs and no more. */
export interface EchoClaim {
  id: string;
  text: string;
  /** Publication date of the page it came from, `YYYY[-MM[-DD]]`. */
  date: string;
  type: EventType;
  /** Entities the claim is about (who said it, what it concerns). */
  entities?: string[];
  label?: string;
}

export interface BuildOptions {
  types?: readonly EventType[];
  claims?: readonly EchoClaim[];
}

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

function fieldOf(text: string, keep: (term: string) => boolean = () => true): { terms: string[]; tf: number[]; length: number } {
  const counts = new Map([...termCounts(text)].filter(([t]) => keep(t)));
  let length = 0;
  for (const n of counts.values()) length += n;
  return { terms: [...counts.keys()], tf: [...counts.values()], length };
}

function item(fields: Omit<EchoItem, 'terms' | 'tf' | 'length' | 'year' | 'context'>, extraText = '', context?: EchoItem['context']): EchoItem {
  return { ...fields, year: fractionalYear(fields.date), ...fieldOf(`${fields.text} ${extraText}`), ...(context?.length ? { context } : {}) };
}

/** The index over entities' events of the given types and the user's promise and announcement claims. */
export function buildEchoIndex(entities: readonly IndexEntity[], options: BuildOptions = {}): EchoIndex {
  const types = options.types ?? ECHO_TYPES;
  const aliases = aliasTable(entities);
  const names: Record<string, string> = {};
  const kinds: Record<string, string> = {};
  for (const e of entities) {
    names[e.id] = e.name;
    if (e.kind) kinds[e.id] = e.kind;
  }
  const items: EchoItem[] = [];
  for (const e of entities) {
    const hidden = !isPublicEntity(e);
    // One context field per entity, shared by its events' items (the same object, held once).
    const contextText = eventContext(e);
    const context = contextText ? fieldOf(contextText, undatedTerm) : undefined;
    e.events.forEach((ev, i) => {
      if (!DATE.test(ev.date) || !ev.type || !types.includes(ev.type)) return;
      const mentioned = findEntities(ev.text, aliases).filter((id) => id !== e.id);
      // The entity's name joins the text: "launched with 11 members" is about the Coalition.
      items.push(item({
        id: `${e.id}#${i}`, origin: 'builtin', private: hidden, entityId: e.id, label: e.name, date: ev.date, type: ev.type,
        text: ev.text, entities: [e.id, ...mentioned],
      }, e.name, context));
    });
  }
  for (const c of options.claims ?? []) {
    if (!DATE.test(c.date) || !(c.type === 'promise' || c.type === 'announcement')) continue;
    const mentioned = findEntities(c.text, aliases);
    const own = (c.entities ?? []).filter((id) => id in names);
    items.push(item({
      id: c.id, origin: 'claim', private: true, label: c.label ?? 'Your claim', date: c.date, type: c.type, text: c.text,
      entities: [...new Set([...own, ...mentioned])],
    }));
  }
  const df: Record<string, number> = {};
  const entityDf: Record<string, number> = {};
  let total = 0;
  let contextTotal = 0;
  const counted = items.filter((it) => !it.private);
  for (const it of counted) {
    total += it.length;
    contextTotal += it.context?.length ?? 0;
    // A term counts once per item, whichever field holds it.
    for (const t of new Set([...it.terms, ...(it.context?.terms ?? [])])) df[t] = (df[t] ?? 0) + 1;
    for (const e of it.entities) entityDf[e] = (entityDf[e] ?? 0) + 1;
  }
  const avgLength = counted.length ? total / counted.length : 0;
  const avgContextLength = counted.length ? contextTotal / counted.length : 0;
  return { version: ECHO_INDEX_VERSION, items, docs: counted.length, df, entityDf, avgLength, avgContextLength, aliases, contextAliases: contextAliasTable(entities), names, kinds };
}
