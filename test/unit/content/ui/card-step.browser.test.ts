// The card's Previous/Next (CardController.step with acrossFrames): inside the frame's stops they
// move here; at the frame's end the reader's click asks the background to walk on through the
// tab's frames, as the keyboard commands do, instead of wrapping round this frame. A script's
// click (not the reader's) and a background that cannot walk wrap here, as before.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CardSubject } from '../../../../src/content/features/page-feature';
import { CardController } from '../../../../src/content/ui/card-controller';
import type { UiRoot } from '../../../../src/content/ui/ui-root';

afterEach(() => {
  document.body.replaceChildren();
});

function setUp(stepTab?: (direction: 1 | -1) => Promise<boolean>) {
  document.body.innerHTML = '<p>One</p><p>Two</p><p>Three</p>';
  const slot = document.createElement('div');
  const ui = { doc: document, slot: () => slot, clear: () => slot.replaceChildren(), has: () => !!slot.firstChild, hostElement: null } as unknown as UiRoot;
  const subjects: CardSubject[] = [...document.querySelectorAll('p')].map((p) => {
    const text = p.firstChild as Text;
    return {
      key: text,
      range: new StaticRange({ startContainer: text, startOffset: 0, endContainer: text, endOffset: text.length }),
      render: async (doc) => Object.assign(doc.createElement('div'), { textContent: text.data }),
    };
  });
  const controller = new CardController({ ui, nameOf: (id) => id, today: () => '2026-12-07', stops: () => subjects, stepTab }, new AbortController().signal);
  const shown = () => slot.textContent;
  return { controller, subjects, shown };
}

describe('the card\'s Previous/Next across frames', () => {
  it('moves within the frame while it has stops, without asking the background', async () => {
    const stepTab = vi.fn(async () => true);
    const { controller, subjects, shown } = setUp(stepTab);
    await controller.reveal(subjects[0]!);
    expect(await controller.step(1, true)).toBe(true);
    expect(shown()).toBe('Two');
    expect(await controller.step(-1, true)).toBe(true);
    expect(shown()).toBe('One');
    expect(stepTab).not.toHaveBeenCalled();
  });

  it('at the frame\'s end, asks the background to walk on (which closes this card), and does not wrap here', async () => {
    const { controller, subjects, shown } = setUp();
    // As the background does: this frame's part first (its end: the card closes), then another frame opens one.
    const stepTab = vi.fn(async (direction: 1 | -1) => (await controller.stepWithin(direction, 'shown')) === 'end');
    Object.assign(controller, { deps: { ...(controller as unknown as { deps: object }).deps, stepTab } });
    await controller.reveal(subjects[2]!);
    expect(await controller.step(1, true)).toBe(true);
    expect(stepTab).toHaveBeenCalledWith(1);
    expect(shown()).toBe('');
    await controller.reveal(subjects[0]!);
    expect(await controller.step(-1, true)).toBe(true);
    expect(stepTab).toHaveBeenLastCalledWith(-1);
    expect(shown()).toBe('');
  });

  it('wraps within the frame for a script\'s click, or when the background cannot walk', async () => {
    const stepTab = vi.fn(async () => false);
    const { controller, subjects, shown } = setUp(stepTab);
    await controller.reveal(subjects[2]!);
    expect(await controller.step(1, false)).toBe(true);
    expect(shown()).toBe('One');
    expect(stepTab).not.toHaveBeenCalled();
    await controller.reveal(subjects[2]!);
    expect(await controller.step(1, true)).toBe(true);
    expect(stepTab).toHaveBeenCalledTimes(1);
    expect(shown()).toBe('One');
    stepTab.mockRejectedValueOnce(new Error('the extension was reloaded'));
    await controller.reveal(subjects[0]!);
    expect(await controller.step(-1, true)).toBe(true);
    expect(shown()).toBe('Three');
  });
});
