// The quiet frame's watch on a real page: it reads the text the first scan would read (not a
// script's, not our own UI's), tells whether the page changed since, and hands on only the text of
// the blocks a later change touched, never whitespace, and nothing once disposed.
import { afterEach, describe, expect, it } from 'vitest';
import { QuietWatch } from '../../../../src/content/quiet/quiet-watch';
import { MAX_CHECKED_TEXT } from '../../../../src/shared/page-start';

const UI = 'SOUND-FAMILIAR-UI';
const watches: QuietWatch[] = [];
const watch = () => {
  const w = new QuietWatch(document, UI);
  watches.push(w);
  return w;
};
const paragraph = (text: string) => document.body.appendChild(Object.assign(document.createElement('p'), { textContent: text }));
/** Resolves with the next text handed on, or 'nothing' if none comes within `ms`. */
function nextText(w: QuietWatch, ms = 1500): Promise<string | null | 'nothing'> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('nothing'), ms);
    w.listen({
      onText: (text) => {
        clearTimeout(timer);
        resolve(text);
      },
      onSelection: () => undefined,
    });
  });
}

afterEach(() => {
  for (const w of watches.splice(0)) w.dispose();
  document.body.replaceChildren();
});

describe('QuietWatch', () => {
  it('reads the page as the first scan would: not a script\'s text', () => {
    paragraph('The council met on Tuesday.');
    document.body.appendChild(Object.assign(document.createElement('script'), { textContent: 'var x = "Government Digital Service";' }));
    const text = watch().readText();
    expect(text).toContain('The council met on Tuesday.');
    expect(text).not.toContain('Government Digital Service');
  });

  it('reads nothing (the dictionary is asked for instead) when the text is too long to send', () => {
    paragraph('x'.repeat(MAX_CHECKED_TEXT + 1));
    expect(watch().readText()).toBeNull();
  });

  it('knows whether the page changed since its text was read', async () => {
    paragraph('First.');
    const w = watch();
    w.readText();
    expect(w.changedSinceRead()).toBe(false);
    // Not yet delivered to the observer's callback: still counted.
    document.querySelector('p')!.firstChild!.textContent = 'Changed.';
    expect(w.changedSinceRead()).toBe(true);
  });

  it('hands on the text of the blocks changed after the read, including those changed before listening', async () => {
    paragraph('An old paragraph about the weather.');
    const w = watch();
    w.readText();
    paragraph('A new paragraph about the Local Digital Fund.');
    const text = await nextText(w);
    expect(text).toContain('Local Digital Fund');
    expect(text).not.toContain('weather');
  });

  it('hands on nothing for a change that adds only whitespace, or after it is disposed', async () => {
    paragraph('Text.');
    const w = watch();
    w.readText();
    document.body.appendChild(document.createElement('p')).textContent = '   \n  ';
    expect(await nextText(w, 600)).toBe('nothing');
    const pending = nextText(w, 600);
    w.dispose();
    paragraph('The Government Digital Service.');
    expect(await pending).toBe('nothing');
  });
});
