// The knowledge base growing with use: entities the user adds, and extra names for existing ones.
// A built-in entity the user changes is marked userEdited, so re-seeding never undoes the change.
// Names obey the rules an import does (alias-policy.ts, knowledge-limits.ts), so whatever the
// user types here can travel through their own export.

import type { EntityChoice } from '../shared/messages';
import { foldText } from '../shared/normalise';
import type { Entity, EntityKind } from '../shared/types';
import { aliasProblem } from '../shared/sync/alias-policy';
import { KNOWLEDGE_LIMITS, knowledgeBaseProblem, nameTotals } from '../shared/sync/knowledge-limits';
import { withNextRevision } from '../shared/sync/revision';
import type { SoundFamiliarDb } from './db';

function checkName(text: string, field: string): void {
  const problem = aliasProblem(text);
  if (problem) throw new Error(`${field}: ${problem}`);
}

/** Throws if `stored` with `changed` written over it would hold more names than can be highlighted. */
function checkRoom(stored: readonly Entity[], changed: Entity): void {
  const after = stored.filter((e) => e.id !== changed.id);
  const problem = knowledgeBaseProblem(nameTotals([...after, changed]), nameTotals(stored));
  if (problem) throw new Error(problem);
}

export function toChoice({ id, kind, name, aliases }: Entity): EntityChoice {
  return { id, kind, name, aliases };
}

export async function listEntities(db: SoundFamiliarDb): Promise<EntityChoice[]> {
  return (await db.entities.toArray()).filter((e) => e.deleted === undefined).map(toChoice).sort((a, b) => a.name.localeCompare(b.name));
}

export function slugify(name: string): string {
  const slug = foldText(name).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
  return slug || 'entity';
}

export async function createEntity(db: SoundFamiliarDb, kind: EntityKind, name: string, summary: string, now = Date.now, suffix = () => crypto.randomUUID().slice(0, 6)): Promise<Entity> {
  const clean = name.trim().replace(/\s+/g, ' ');
  checkName(clean, 'name');
  return db.transaction('rw', db.entities, async () => {
    const stored = await db.entities.toArray();
    const existing = stored.find((e) => e.deleted === undefined && e.kind === kind && e.name.toLowerCase() === clean.toLowerCase());
    if (existing) return existing;
    const base = slugify(clean);
    const id = (await db.entities.get(base)) ? `${base}-${suffix()}` : base;
    const t = now();
    const entity: Entity = withNextRevision({
      id, kind, name: clean, aliases: [clean], summary: summary.trim(), events: [], sources: [],
      confidence: 'added by you', origin: 'user' as const, created: t, modified: t,
    });
    checkRoom(stored, entity);
    await db.entities.add(entity);
    return entity;
  });
}

export async function addAlias(db: SoundFamiliarDb, entityId: string, alias: string, now = Date.now): Promise<Entity> {
  const clean = alias.trim().replace(/\s+/g, ' ');
  return db.transaction('rw', db.entities, async () => {
    const entity = await db.entities.get(entityId);
    if (!entity) throw new Error(`no entity ${entityId}`);
    if (entity.aliases.includes(clean)) return entity;
    checkName(clean, 'alias');
    if (entity.aliases.length >= KNOWLEDGE_LIMITS.aliasesPerEntity) {
      throw new Error(`${entity.name} already has ${entity.aliases.length} other names; that is as many as one entity can have.`);
    }
    const { rev: _rev, revs: _revs, ...content } = entity;
    const updated: Entity = withNextRevision({
      ...content,
      aliases: [...entity.aliases, clean],
      userEdited: entity.origin !== 'user' ? true : entity.userEdited,
      modified: Math.max(now(), entity.modified + 1),
    }, entity);
    checkRoom(await db.entities.toArray(), updated);
    await db.entities.put(updated);
    return updated;
  });
}
