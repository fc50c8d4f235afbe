// The Scanner: a whole page on the first scan, in slices that yield, then only what mutations
// add, change or remove, never its own UI or excluded regions.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadDictionary } from '../../../../src/content/scan/loaded-dictionary';
import { MentionIndex, type Mention } from '../../../../src/content/scan/mention-index';
import { Scanner } from '../../../../src/content/scan/scanner';
import { kbDictionary } from '../../helpers/kb';

const UI = 'SOUND-FAMILIAR-UI';
const KB = loadDictionary(kbDictionary());

const controllers: AbortController[] = [];
afterEach(() => {
  for (const c of controllers.splice(0)) c.abort();
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

function start(html: string, options: { sliceMs?: number; now?: () => number; paintNow?: () => boolean; screenFound?: (walkedTo: Node) => boolean; firstVerdict?: 'none' | 'maybe' } = {}) {
  document.body.innerHTML = html;
  const shown = new Set<Mention>();
  const index = new MentionIndex(KB, undefined, '2025-06-01', { show: (m) => shown.add(m), hide: (m) => shown.delete(m) });
  const controller = new AbortController();
  controllers.push(controller);
  const scanner = new Scanner(document, KB.searcher, index, controller.signal, { uiTag: UI, settleMs: 5, maxSettleMs: 20, ...options });
  const texts = () => index.visible().map((m) => m.nodes.map((n) => {
    const r = m.range;
    return n.data.slice(n === r.startContainer ? r.startOffset : 0, n === r.endContainer ? r.endOffset : n.data.length);
  }).join(''));
  return { index, shown, controller, scanner, texts, firstScan: scanner.start() };
}

describe('Scanner', () => {
  it('finds the mentions of the whole page on the first scan', async () => {
    const s = start('<h1>GDS</h1><p>The <b>Local Digital</b> Fund and Sajid Javid.</p><script>GDS</script><textarea>LGA</textarea>');
    await s.firstScan;
    expect(s.texts()).toEqual(['GDS', 'Local Digital Fund', 'Sajid Javid']);
  });

  it('yields between slices and still scans everything', async () => {
    let t = 0;
    let clockReads = 0;
    // Long enough that the scanner reads its clock after each (it does so every few thousand characters).
    const filler = 'and so on '.repeat(500);
    const paragraphs = Array.from({ length: 50 }, (_, i) => `<p>Paragraph ${i} mentions GDS, ${filler}</p>`).join('');
    // Every block "takes" 10 ms, so each slice holds one block and the scanner yields 50 times.
    const s = start(paragraphs, { sliceMs: 8, now: () => (clockReads++, (t += 10)) });
    await s.firstScan;
    expect(s.index.visible()).toHaveLength(50);
    expect(clockReads).toBeGreaterThanOrEqual(50);
  });

  it('waits for a frame at the end of a slice that found something to paint now, and only then', async () => {
    let t = 0;
    const filler = 'and so on '.repeat(500);
    const paragraphs = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i} mentions GDS, ${filler}</p>`).join('');
    const asked: number[] = [];
    // The first two slices found something on screen; the rest did not.
    const s = start(paragraphs, { sliceMs: 8, now: () => (t += 10), paintNow: () => (asked.push(asked.length), asked.length <= 2) });
    const frames = vi.spyOn(window, 'requestAnimationFrame');
    await s.firstScan;
    expect(s.index.visible()).toHaveLength(6);
    expect(asked.length).toBeGreaterThanOrEqual(5);
    expect(frames).toHaveBeenCalledTimes(2);
    frames.mockRestore();
  });

  it('ends a slice early, for a frame, once the screen is found and the walk is past it', async () => {
    const filler = 'and so on '.repeat(500);
    const paragraphs = Array.from({ length: 6 }, (_, i) => `<p id="p${i}">Paragraph ${i} mentions GDS, ${filler}</p>`).join('');
    const asked: Node[] = [];
    let foundAtPause = -1;
    // The clock never runs out: only the screen being found ends the first slice (paragraph 2 is the last on screen).
    const s = start(paragraphs, {
      sliceMs: 8,
      now: () => 0,
      screenFound: (walkedTo) => (asked.push(walkedTo), walkedTo.parentElement?.id === 'p3'),
      paintNow: () => (foundAtPause < 0 && (foundAtPause = s.index.visible().length), true),
    });
    const frames = vi.spyOn(window, 'requestAnimationFrame');
    await s.firstScan;
    expect(s.index.visible()).toHaveLength(6);
    // Asked with the last text read at each reading of the clock, in document order.
    expect(asked.map((n) => n.parentElement?.id)).toEqual(['p0', 'p1', 'p2', 'p3', 'p4', 'p5']);
    expect(foundAtPause).toBe(4);
    expect(frames).toHaveBeenCalledTimes(1);
    frames.mockRestore();
  });

  it('still reads its clock on a page of many tiny blocks', async () => {
    let clockReads = 0;
    const cells = Array.from({ length: 400 }, (_, i) => `<p>${i % 2 ? 'GDS' : 'no'}</p>`).join('');
    const s = start(cells, { sliceMs: 8, now: () => (clockReads++, 0) });
    await s.firstScan;
    expect(s.index.visible()).toHaveLength(200);
    // 400 blocks of 2-3 characters: the text alone (about 1,000 characters) would never reach the clock.
    expect(clockReads).toBeGreaterThanOrEqual(1 + 5);
  });

  it('yields while rescanning many small blocks added one by one, each too short to reach the clock alone', async () => {
    let t = 0;
    let slices = 0;
    const s = start('<p>Nothing yet.</p>', { sliceMs: 8, now: () => (t += 10), paintNow: () => (slices++, false) });
    await s.firstScan;
    slices = 0;
    // 400 roots of 3 characters: together they cross the clock's interval several times.
    for (let i = 0; i < 400; i++) document.body.insertAdjacentHTML('beforeend', '<p>GDS</p>');
    await vi.waitFor(() => expect(s.index.visible()).toHaveLength(400));
    expect(slices).toBeGreaterThanOrEqual(5);
  });

  it('rescans each of many blocks added at different depths once, nested ones with their ancestor', async () => {
    const s = start('<div id="d"><p>Nothing yet.</p></div>');
    await s.firstScan;
    const d = document.getElementById('d')!;
    d.insertAdjacentHTML('beforeend', '<section id="s"><p>GDS</p></section>');
    document.getElementById('s')!.insertAdjacentHTML('beforeend', '<p>LGA</p>'); // inside a block already dirty
    d.insertAdjacentHTML('beforeend', '<p>Socitm</p>');
    document.body.insertAdjacentHTML('beforeend', '<p>Greg Clark</p>');
    await vi.waitFor(() => expect(s.texts()).toEqual(['GDS', 'LGA', 'Socitm', 'Greg Clark']));
    expect(s.shown.size).toBe(4);
  });

  it('does not walk a page that names nothing we know, and still rescans what is added to it', async () => {
    const walks = vi.spyOn(document, 'createTreeWalker');
    const s = start(`<h1>Weather</h1>${'<p>Rain <b>later</b>, then sun.<br>Wind from the west.</p>'.repeat(50)}<script type="text/plain">GDS</script>`);
    await s.firstScan;
    expect(walks).not.toHaveBeenCalled();
    document.body.insertAdjacentHTML('beforeend', '<p>Now the LGA arrives.</p>');
    await vi.waitFor(() => expect(s.texts()).toEqual(['LGA']));
    expect(walks).toHaveBeenCalled();
  });

  it('walks a page that names something, even across a line break', async () => {
    const walks = vi.spyOn(document, 'createTreeWalker');
    const s = start('<p>Weather</p><p>The Local<br>Digital Coalition met.</p>');
    await s.firstScan;
    expect(walks).toHaveBeenCalled();
    expect(s.texts()).toEqual(['LocalDigital Coalition']);
  });

  it('reads only the opening of a page whose opening names someone, not its whole text, and finds every mention', async () => {
    const queries = vi.spyOn(Element.prototype, 'querySelectorAll');
    const s = start(`<p>Sajid Javid said.</p>${'<p>Rain <b>later</b>, then sun. <script>x</script></p>'.repeat(200)}<p>The LGA too.</p>`);
    await s.firstScan;
    expect(s.texts()).toEqual(['Sajid Javid', 'LGA']);
    // The whole-page text is read by finding every excluded element first (scanned-text.ts).
    expect(queries.mock.calls.filter(([selector]) => selector.includes('script'))).toEqual([]);
  });

  it('takes the verdict it is given for the first scan (the background read the same text just before), reading neither the opening nor the whole text', async () => {
    const queries = vi.spyOn(Element.prototype, 'querySelectorAll');
    const walks = vi.spyOn(document, 'createTreeWalker');
    // 'maybe' for a page whose opening names nothing: walked straight away, its whole text never read.
    const s = start(`${'<p>Rain <b>later</b>, then sun. <script>x</script></p>'.repeat(200)}<p>The LGA too.</p>`, { firstVerdict: 'maybe' });
    await s.firstScan;
    expect(s.texts()).toEqual(['LGA']);
    expect(queries.mock.calls.filter(([selector]) => selector.includes('script'))).toEqual([]);
    // 'none' is believed: the first scan does not walk (what the page adds later is still read).
    s.controller.abort();
    walks.mockClear();
    const quiet = start('<p>Sajid Javid said.</p>', { firstVerdict: 'none' });
    await quiet.firstScan;
    expect(walks).not.toHaveBeenCalled();
    expect(quiet.texts()).toEqual([]);
  });

  it('walks a page of names that need context once a name that stands on its own arrives', async () => {
    const walks = vi.spyOn(document, 'createTreeWalker');
    const s = start('<p>Weather</p><p>Javid said it would rain.</p>');
    await s.firstScan;
    expect(walks).not.toHaveBeenCalled();
    expect(s.texts()).toEqual([]);
    // The full name confirms the bare surname the first scan did not walk.
    document.body.insertAdjacentHTML('beforeend', '<p>Sajid Javid agreed.</p>');
    await vi.waitFor(() => expect(s.texts()).toEqual(['Javid', 'Sajid Javid']));
  });

  it('rescans what a mutation adds', async () => {
    const s = start('<p>Nothing yet.</p>');
    await s.firstScan;
    expect(s.texts()).toEqual([]);
    document.body.insertAdjacentHTML('beforeend', '<p>Now the LGA arrives.</p>');
    await vi.waitFor(() => expect(s.texts()).toEqual(['LGA']));
  });

  it('rescans a block whose text changes, dropping its stale mentions', async () => {
    const s = start('<p id="p">Greg Clark spoke.</p>');
    await s.firstScan;
    expect(s.texts()).toEqual(['Greg Clark']);
    (document.getElementById('p')!.firstChild as Text).data = 'Michael Gove spoke.';
    await vi.waitFor(() => expect(s.texts()).toEqual(['Michael Gove']));
    expect(s.shown.size).toBe(1);
  });

  it('drops the mentions of a block whose text becomes blank, where the rescan finds no block to read', async () => {
    const s = start('<p id="p">Greg Clark spoke.</p><p>GDS</p>');
    await s.firstScan;
    (document.getElementById('p')!.firstChild as Text).data = '   ';
    await vi.waitFor(() => expect(s.texts()).toEqual(['GDS']));
    expect(s.shown.size).toBe(1);
  });

  it('counts a moved block\'s mentions once, at their new place', async () => {
    const s = start('<p id="p">Greg <b>Clark</b> spoke.</p><div id="d"><p>GDS</p></div>');
    await s.firstScan;
    const p = document.getElementById('p')!;
    document.getElementById('d')!.append(p); // removed and added again: still connected
    await vi.waitFor(() => expect(s.texts()).toEqual(['GDS', 'Greg Clark']));
    expect(s.shown.size).toBe(2);
    expect([...s.shown].every((m) => m.nodes.every((n) => p.contains(n) || !n.parentElement?.closest('#p')))).toBe(true);
  });

  it('keeps the mentions outside what a mutation touched, and finds each added block\'s', async () => {
    const s = start('<p>GDS</p><p>LGA</p>');
    await s.firstScan;
    const before = new Set(s.shown);
    for (const name of ['Socitm', 'Greg Clark']) document.body.insertAdjacentHTML('beforeend', `<p>${name} arrives.</p>`);
    await vi.waitFor(() => expect(s.texts()).toEqual(['GDS', 'LGA', 'Socitm', 'Greg Clark']));
    // The same objects: nothing outside the added blocks was removed and found again.
    expect([...before].every((m) => s.shown.has(m))).toBe(true);
    expect(s.shown.size).toBe(4);
  });

  it('drops the mentions of removed content', async () => {
    const s = start('<p id="a">GDS</p><p>LGA</p>');
    await s.firstScan;
    document.getElementById('a')!.remove();
    await vi.waitFor(() => expect(s.texts()).toEqual(['LGA']));
    expect(s.shown.size).toBe(1);
  });

  it('ignores changes inside its own UI element and excluded regions', async () => {
    const s = start('<p>GDS</p><div contenteditable="true" id="ed"></div>');
    await s.firstScan;
    const ui = document.createElement(UI.toLowerCase());
    ui.textContent = 'LGA';
    document.documentElement.append(ui);
    document.getElementById('ed')!.textContent = 'Socitm';
    await new Promise((r) => setTimeout(r, 60));
    expect(s.texts()).toEqual(['GDS']);
    ui.remove();
  });

  it('stops watching once aborted', async () => {
    const s = start('<p>GDS</p>');
    await s.firstScan;
    s.controller.abort();
    document.body.insertAdjacentHTML('beforeend', '<p>LGA</p>');
    await new Promise((r) => setTimeout(r, 60));
    expect(s.texts()).toEqual(['GDS']);
  });

  it('does not double-count a block rescanned while already indexed', async () => {
    const s = start('<p id="p">GDS and the <span id="s">LGA</span></p>');
    await s.firstScan;
    document.getElementById('s')!.setAttribute('class', 'x'); // attribute changes are not observed
    document.getElementById('p')!.append(document.createTextNode(' and Socitm'));
    await vi.waitFor(() => expect(s.texts()).toEqual(['GDS', 'LGA', 'Socitm']));
    expect(s.shown.size).toBe(3);
  });
});
