// Reads the shipped knowledge (the core pack, src/data/core/*.json) into domain entities,
// keeping what is sound and dropping anything malformed (a non-https source URL, an undated
// event) rather than trusting the files blindly. npm run kb:check holds the files to the rules.

import { CORE_PACK_FILES } from '../data/core-pack';
import { parseCoreEntity, type CoreEntity } from '../shared/knowledge/core-entity';

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
