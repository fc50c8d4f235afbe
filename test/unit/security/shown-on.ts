// Test helper for the pack-versus-core findings: what a page shows, by entity id, with one pack
// installed beside the core (compiled as the background does, matched as a tab does).
import { matchBlock } from '../../../src/content/scan/block-matches';
import { loadDictionary } from '../../../src/content/scan/loaded-dictionary';
import { MentionIndex } from '../../../src/content/scan/mention-index';
import { textBlocks } from '../../../src/content/scan/text-blocks';
import { compileDictionary } from '../../../src/shared/dictionary';
import { namespacedId } from '../../../src/shared/packs/pack-types';
import { parsePack } from '../../../src/shared/packs/parse-pack';
import type { Entity } from '../../../src/shared/types';
import { ENTITY_PERIODS, kbEntities, PRECISION } from '../helpers/kb';
import { packText, type Json } from '../../fixtures/packs/make-pack';

export function shownOn(html: string, pack: Json, pageDate?: string): string[] {
  const parsed = parsePack(packText(pack));
  if (!parsed.ok) return [`refused: ${parsed.errors[0]}`];
  const packEntities = parsed.pack.entities.map((e) => ({ ...e, id: namespacedId(pack.meta.id, e.id), origin: 'pack' as const, created: 1, modified: 1, rev: '1-x', revs: ['1-x'] }) as Entity);
  const packPeriods = Object.fromEntries(Object.entries(parsed.pack.precision?.periods ?? {}).map(([id, p]) => [namespacedId(pack.meta.id, id), p]));
  const dict = loadDictionary(compileDictionary([...kbEntities(), ...packEntities], PRECISION, { ...ENTITY_PERIODS, ...packPeriods }));
  document.body.innerHTML = html;
  const shown: string[] = [];
  const index = new MentionIndex(dict, pageDate, '2026-12-06', { show: (m) => shown.push(dict.entities[m.entity]!.id), hide: () => undefined });
  index.add([...textBlocks(document.body, 'SOUND-FAMILIAR-UI')].flatMap((b) => matchBlock(dict.searcher, b)));
  return shown;
}
