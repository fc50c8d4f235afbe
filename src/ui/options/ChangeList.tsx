// The import preview's list of every record it would change, by name: claims by their quote,
// entities by their name, grouped by outcome. Long groups show their first names and the rest
// on request, so a large import stays quick to preview and every name can still be read.

import { useState } from 'preact/hooks';
import { formatCount } from '../../shared/format-count';
import type { ImportSummary, NamedChange } from '../../shared/sync/plan-import';

const FIRST = 100;
const STEP = 500;
/** Groups this small are open from the start. */
const OPEN_UP_TO = 20;

const OUTCOMES: NamedChange['outcome'][] = ['new', 'updated', 'deleted', 'conflict'];

function title(n: number, kind: 'claim' | 'entity', outcome: NamedChange['outcome']): string {
  const noun = n === 1 ? kind : kind === 'claim' ? 'claims' : 'entities';
  const count = formatCount(n);
  if (outcome === 'conflict') return `${count} ${noun} in conflict`;
  return `${count} ${outcome === 'updated' ? 'changed' : outcome} ${noun}`;
}

function name(change: NamedChange): string {
  if (!change.builtin) return change.label;
  return change.outcome === 'conflict' ? `${change.label} (built-in: the version in use keeps its sourced facts)` : `${change.label} (built-in)`;
}

function Group({ heading, changes }: { heading: string; changes: NamedChange[] }) {
  const [shown, setShown] = useState(FIRST);
  const rest = changes.length - shown;
  return (
    <details class="changes" open={changes.length <= OPEN_UP_TO}>
      <summary>{heading}</summary>
      <ul>{changes.slice(0, shown).map((c) => <li key={c.id}>{name(c)}</li>)}</ul>
      {rest > 0 && <button type="button" class="secondary" onClick={() => setShown(shown + STEP)}>Show {formatCount(Math.min(STEP, rest))} more</button>}
    </details>
  );
}

export function ChangeList({ changes }: { changes: ImportSummary['changes'] }) {
  const groups = (['claim', 'entity'] as const).flatMap((kind) => {
    const list = kind === 'claim' ? changes.claims : changes.entities;
    return OUTCOMES.map((outcome) => ({ kind, outcome, items: list.filter((c) => c.outcome === outcome) })).filter((g) => g.items.length > 0);
  });
  if (groups.length === 0) return null;
  return (
    <div class="change-list">
      {groups.map((g) => <Group key={`${g.kind}:${g.outcome}`} heading={title(g.items.length, g.kind, g.outcome)} changes={g.items} />)}
    </div>
  );
}
