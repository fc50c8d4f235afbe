// Conflicts: where a record was changed on two machines, the newer version is shown and the other
// kept here. The user keeps one; the choice supersedes both everywhere it travels.

import { useEffect, useState } from 'preact/hooks';
import type { ConflictView } from '../../shared/sync/conflict-view';
import { background } from '../shared/background';
import { formatCount } from '../../shared/format-count';

export function ConflictsPanel({ version, onResolved }: { version: number; onResolved(): void }) {
  const [conflicts, setConflicts] = useState<ConflictView[] | null>(null);
  useEffect(() => void background('sync/conflicts', {}).then(setConflicts), [version]);
  if (!conflicts || conflicts.length === 0) return null;

  const keep = async (c: ConflictView, rev: string) => {
    await background('sync/resolve', { kind: c.kind, id: c.id, rev });
    onResolved();
  };
  return (
    <section class="panel" aria-labelledby="conflicts-title">
      <h2 id="conflicts-title">Conflicts <span class="count">{formatCount(conflicts.length)}</span></h2>
      <p>These were changed on two machines since they last agreed. The newer version is in use; choose which to keep.</p>
      <ul class="conflicts">
        {conflicts.map((c) => (
          <li key={`${c.kind}:${c.id}`}>
            <p class="title">{c.kind === 'claim' ? 'Claim' : 'Entity'}: {c.title}</p>
            {c.builtin && <p class="note">Built-in entity: the version in use keeps the facts and sources that came with Sound Familiar; the others came from imported files.</p>}
            <ol>
              {c.versions.map((v, i) => (
                <li key={v.rev}>
                  <span class="when">{i === 0 ? 'In use · ' : ''}changed {new Date(v.modified).toLocaleString('en-GB')}</span>
                  <span class="what">{v.summary}</span>
                  <button type="button" class="secondary" onClick={() => void keep(c, v.rev)}>Keep this</button>
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ul>
    </section>
  );
}
