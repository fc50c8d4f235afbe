// A session started for the reader's selection (a quiet frame woke for it) offers the record button
// only if the reader's gesture was recent: the 1 s window counts from the gesture's own time, not
// from when the session happened to start, so a page cannot swap the selection during the wake.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchSelection } from '../../../../src/content/selection/record-button';
import { UiRoot } from '../../../../src/content/ui/ui-root';

const UI = 'SOUND-FAMILIAR-UI';
const controllers: AbortController[] = [];
afterEach(() => {
  for (const c of controllers.splice(0)) c.abort();
  document.body.replaceChildren();
});

function selectParagraph(): void {
  const p = document.body.appendChild(Object.assign(document.createElement('p'), { textContent: 'The council will resurface three roads.' }));
  getSelection()!.selectAllChildren(p);
}

async function offered(gestureAgoMs: number): Promise<boolean> {
  selectParagraph();
  const controller = new AbortController();
  controllers.push(controller);
  const maker = vi.fn(async () => () => document.createElement('button'));
  const noteSelection = watchSelection(new UiRoot(document), UI, () => undefined, controller.signal, maker);
  noteSelection(performance.now() - gestureAgoMs);
  await new Promise((r) => setTimeout(r, 400)); // the button settles 250 ms after the selection
  return maker.mock.calls.length > 0;
}

describe('watchSelection, for a selection made before the session', () => {
  it('offers the button for a gesture just made', async () => {
    expect(await offered(0)).toBe(true);
  });

  it('does not for a gesture more than a second old', async () => {
    expect(await offered(1500)).toBe(false);
  });
});
