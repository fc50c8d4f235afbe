// @vitest-environment happy-dom
// The card says which pack an entity comes from, who maintains it, and whether the reader edited
// it; a pack's title is text, never markup.
import { describe, expect, it, vi } from 'vitest';
import { renderCard } from '../../../../src/content/ui/card-view';
import type { Entity } from '../../../../src/shared/types';
import { asStored } from '../../helpers/kb';

function packEntity(overrides: Partial<Entity> = {}): Entity {
  return asStored({
    id: 'scottish-digital:test-office', kind: 'body', name: 'Test Office', aliases: [], summary: 'A body.', events: [], sources: [],
    confidence: 'sourced', origin: 'pack', packId: 'scottish-digital', packLabel: { title: 'Scottish digital government', maintainer: 'Sound Familiar' },
    created: 1, modified: 1, ...overrides,
  });
}

const card = (entity: Entity) => renderCard(document, entity, { position: { index: 1, total: 1 }, onStep: vi.fn(), onClose: vi.fn() });

describe('provenance on the card', () => {
  it('names the pack and its maintainer for a pack entity', () => {
    expect(card(packEntity()).querySelector('.provenance')?.textContent).toBe('From Scottish digital government · maintained by Sound Familiar');
  });

  it('adds "edited by you" when the reader changed it', () => {
    expect(card(packEntity({ userEdited: true })).querySelector('.provenance')?.textContent).toBe('From Scottish digital government · maintained by Sound Familiar · edited by you');
  });

  it('shows nothing for built-in or the reader\'s own entities', () => {
    expect(card(packEntity({ origin: 'builtin' })).querySelector('.provenance')).toBeNull();
    expect(card(packEntity({ origin: 'user' })).querySelector('.provenance')).toBeNull();
  });

  it('renders a hostile title as text', () => {
    const shown = card(packEntity({ packLabel: { title: '<img src=x onerror=alert(1)>', maintainer: '<b>x</b>' } }));
    expect(shown.querySelector('img, b')).toBeNull();
    expect(shown.querySelector('.provenance')?.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});
