// The quiet frame's watch on a real page: it reads the text the first scan would read (not a
// script's), tells whether the page changed since (a region leaving editing included), and hands
// on only what a later change could have made a name of: an added block, a changed block's own
// text (not the article under a <body> that lost a banner), never whitespace, nothing past the cap
// (null: the dictionary is sent for instead), and nothing once disposed.
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_CHANGED_TEXT, QuietWatch } from '../../../../src/content/quiet/quiet-watch';
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
      onText: async (text) => {
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

  it('leaves out runs of whitespace, which the verdict ignores, and keeps single spaces', () => {
    document.body.innerHTML = '\n    <div>\n      <p>The council  met\n\ton Tuesday.</p>\n    </div>\n  ';
    expect(watch().readText()).toBe('The councilmeton Tuesday.');
  });

  it('counts against the limit only what it sends: a page long for its indentation is still read', () => {
    paragraph(`${'word '.repeat(1000)}${' '.repeat(MAX_CHECKED_TEXT)}end`);
    expect(watch().readText()).toBe(`${'word '.repeat(999)}wordend`);
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

  it('counts a region leaving editing as a change to the text read, and reads it', async () => {
    paragraph('The minister spoke.');
    const draft = document.body.appendChild(document.createElement('div'));
    draft.setAttribute('contenteditable', 'true');
    draft.textContent = 'The Government Digital Service said so.';
    const w = watch();
    expect(w.readText()).not.toContain('Government Digital Service');
    draft.removeAttribute('contenteditable');
    expect(w.changedSinceRead()).toBe(true);
    expect(await nextText(w)).toContain('Government Digital Service');
  });

  it('reads only <body>\'s own words, not the article, when a banner is removed from it', async () => {
    const article = document.body.appendChild(document.createElement('article'));
    article.textContent = 'An article about the weather. '.repeat(20_000);
    const banner = document.body.appendChild(document.createElement('div'));
    banner.textContent = 'We use cookies.';
    document.body.append('Loose words');
    const w = watch();
    w.readText();
    banner.remove();
    const text = await nextText(w);
    expect(text).toContain('Loose words');
    expect(typeof text === 'string' && text.length).toBeLessThan(100);
  });

  it('reads an inline element added into a block with the block\'s own text, so a name across them is whole', async () => {
    const p = paragraph('The Local ');
    const w = watch();
    w.readText();
    p.appendChild(Object.assign(document.createElement('strong'), { textContent: 'Digital Fund' }));
    expect((await nextText(w) as string).replace(/\s/g, '')).toContain('TheLocalDigitalFund');
  });

  it('sends null (the dictionary is asked for instead) when more changed at once than the cap', async () => {
    paragraph('Text.');
    const w = watch();
    w.readText();
    paragraph('x'.repeat(MAX_CHANGED_TEXT + 1));
    expect(await nextText(w)).toBeNull();
  });
});
