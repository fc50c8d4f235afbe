// highlights.css sets its rules on :root only (cheaper restyles, highlights.css says why): in
// Chromium every element inherits them, so a mention deep inside the page's markup is painted with
// our styles, and the rules change nothing but highlights.
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';

describe('highlights.css', () => {
  afterEach(() => document.head.querySelector('style#under-test')?.remove());

  it('paints the highlights of text nested deep in the page through inheritance from :root', async () => {
    const css = await commands.readFile('src/content/highlight/highlights.css');
    document.body.innerHTML = '<main><table><tr><td><ul><li><p><span><a href="#"><b id="deep">Jane Doe</b></a></span></p></li></ul></td></tr></table></main>';
    const deep = document.getElementById('deep')!;
    const before = getComputedStyle(deep, '::highlight(sound-familiar-person)').backgroundColor;
    const colour = getComputedStyle(deep).color;
    const style = document.createElement('style');
    style.id = 'under-test';
    style.textContent = css;
    document.head.append(style);
    const painted = getComputedStyle(deep, '::highlight(sound-familiar-person)');
    expect(before).not.toBe('rgba(142, 92, 255, 0.2)');
    expect(`${painted.backgroundColor} ${painted.textDecorationLine} ${painted.textDecorationStyle}`).toBe('rgba(142, 92, 255, 0.2) underline dotted');
    expect(getComputedStyle(deep, '::highlight(sound-familiar-initiative)').backgroundColor).toBe('rgba(255, 184, 28, 0.32)');
    expect(getComputedStyle(deep, '::highlight(sound-familiar-echo)').textDecorationStyle).toBe('wavy');
    expect(getComputedStyle(deep).color).toBe(colour);
  });
});
