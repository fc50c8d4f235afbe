// Checks an import against the whole knowledge base: a file within its own limits can still,
// added to what is stored, compile to a dictionary too large to send to a tab. Call it with the
// plan's entity writes, inside the transaction that will write them (or before a preview).

import { knowledgeBaseProblem, nameTotals } from '../../shared/sync/knowledge-limits';
import { ImportError } from '../../shared/sync/read-import';
import type { Entity } from '../../shared/types';
import type { SoundFamiliarDb } from '../db';

export async function checkKnowledgeBase(db: SoundFamiliarDb, writes: readonly Entity[]): Promise<void> {
  if (writes.length === 0) return;
  const stored = await db.entities.toArray();
  const after = new Map(stored.map((e) => [e.id, e]));
  for (const e of writes) after.set(e.id, e);
  const problem = knowledgeBaseProblem(nameTotals(after.values()), nameTotals(stored));
  if (problem) throw new ImportError(problem);
}
