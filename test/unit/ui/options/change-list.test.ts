// @vitest-environment happy-dom
// The import preview lists every record it would change by name, grouped by kind and outcome;
// long lists show their first names and reveal the rest on request, so every one can be read.
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { useMountRoot } from '../mount-root';
import { ChangeList } from '../../../../src/ui/options/ChangeList';
import type { NamedChange } from '../../../../src/shared/sync/plan-import';

const root = useMountRoot();

const claim = (i: number, outcome: NamedChange['outcome'] = 'new'): NamedChange => ({ id: `c${i}`, outcome, label: `Quote number ${i}` });

describe('ChangeList', () => {
  it('names each record under its kind and outcome, and marks built-in entities', () => {
    render(h(ChangeList, {
      changes: {
        claims: [claim(1), claim(2, 'deleted'), claim(3, 'updated')],
        entities: [{ id: 'gds', outcome: 'conflict', label: 'Government Digital Service', builtin: true }, { id: 'x', outcome: 'new', label: '<b>Body</b>' }],
      },
    }), root());
    const groups = [...root().querySelectorAll('details')].map((d) => ({
      title: d.querySelector('summary')!.textContent,
      names: [...d.querySelectorAll('li')].map((li) => li.textContent),
    }));
    expect(groups).toEqual([
      { title: '1 new claim', names: ['Quote number 1'] },
      { title: '1 changed claim', names: ['Quote number 3'] },
      { title: '1 deleted claim', names: ['Quote number 2'] },
      { title: '1 new entity', names: ['<b>Body</b>'] },
      { title: '1 entity in conflict', names: ['Government Digital Service (built-in: the version in use keeps its sourced facts)'] },
    ]);
    expect(root().querySelector('b')).toBeNull();
  });

  it('shows nothing when nothing would change', () => {
    render(h(ChangeList, { changes: { claims: [], entities: [] } }), root());
    expect(root().innerHTML).toBe('');
  });

  it('shows a long list in steps until every name is shown', async () => {
    render(h(ChangeList, { changes: { claims: Array.from({ length: 1_234 }, (_, i) => claim(i)), entities: [] } }), root());
    const details = root().querySelector('details')!;
    expect(details.querySelector('summary')!.textContent).toBe('1,234 new claims');
    expect(details.querySelectorAll('li')).toHaveLength(100);
    for (let i = 0; i < 3; i++) {
      const more = details.querySelector('button')!;
      await act(() => more.click());
    }
    expect(details.querySelectorAll('li')).toHaveLength(1_234);
    expect(details.querySelector('button')).toBeNull();
    expect(details.querySelectorAll('li')[1_233]!.textContent).toBe('Quote number 1233');
  });
});
