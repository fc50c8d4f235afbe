// Reads the shipped knowledge (the core pack, src/data/core/*.json, and its precision rules,
// src/data/core-precision.json) into domain entities and rules, keeping what is sound and dropping
// anything malformed (a non-https source URL, an undated event) rather than trusting the files
// blindly. npm run kb:check holds the files to the rules.

import { CORE_PACK_FILES } from '../data/core-pack';
import CORE_PRECISION from '../data/core-precision.json';
import { parseCoreEntity, type CoreEntity } from '../shared/knowledge/core-entity';
import { Problems } from '../shared/knowledge/entity-fields';
import { readPrecision } from '../shared/packs/pack-precision';
import type { PackPrecision } from '../shared/packs/pack-types';

export type BuiltinEntity = CoreEntity;

export function builtinEntities(files: Readonly<Record<string, readonly unknown[]>> = CORE_PACK_FILES): BuiltinEntity[] {
  const seen = new Set<string>();
  return Object.entries(files).flatMap(([file, entities]) => entities.flatMap((raw, i): BuiltinEntity[] => {
    const { entity } = parseCoreEntity(raw, `${file}[${i}]`);
    if (!entity || seen.has(entity.id)) return [];
    seen.add(entity.id);
    return [entity];
  }));
}

/** The core pack's precision rules, read as any pack's are; `problems` lists what was dropped. */
export function builtinPrecision(raw: unknown = CORE_PRECISION, entities: readonly CoreEntity[] = builtinEntities()): { precision: PackPrecision; problems: string[] } {
  const p = new Problems();
  const precision = readPrecision(raw, 'core-precision.json', entities, p) ?? {};
  return { precision, problems: p.list.map((e) => `${e.path}: ${e.problem}`) };
}
