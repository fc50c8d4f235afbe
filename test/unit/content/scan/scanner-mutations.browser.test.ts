// The Scanner against a page that changes under it: text removed or moved while the first scan
// yields, blocks put between the words of a name, text moved where the scan does not read, a page
// that never stops changing, and rescans of roots that hold no text. Each case failed before the
// fixes that came with this file (a review of the rescan path found them).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadDictionary } from '../../../../src/content/scan/loaded-dictionary';
import { MentionIndex, type Mention } from '../../../../src/content/scan/mention-index';
import { Scanner } from '../../../../src/content/scan/scanner';
import { kbDictionary } from '../../helpers/kb';

const UI = 'SOUND-FAMILIAR-UI';
const KB = loadDictionary(kbDictionary());
/** Long enough that the scanner reads its clock after each block. */
const FILLER = 'and so on '.repeat(500);
const settled = () => new Promise((r) => setTimeout(r, 60));

const controllers: AbortController[] = [];
afterEach(() => {
  for (const c of controllers.splice(0)) c.abort();
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

interface Options { sliceMs?: number; now?: () => number; paintNow?: () => boolean }

function start(html: string, options: Options = {}) {
  document.body.innerHTML = html;
  const index = new MentionIndex(KB, undefined, '2025-06-01', { show: () => undefined, hide: () => undefined });
  const controller = new AbortController();
  controllers.push(controller);
  const scanner = new Scanner(document, KB.searcher, index, controller.signal, { uiTag: UI, settleMs: 5, maxSettleMs: 20, ...options });
  const text = (m: Mention) => m.nodes.map((n) => {
    const r = m.range;
    return n.data.slice(n === r.startContainer ? r.startOffset : 0, n === r.endContainer ? r.endOffset : n.data.length);
  }).join('');
  const texts = () => index.visible().map(text);
  const onPage = () => index.visible().filter((m) => m.nodes.every((n) => n.isConnected)).map(text);
  return { index, controller, scanner, texts, onPage, firstScan: scanner.start() };
}

/** Every block "takes" 10 ms, so the first scan yields after each; `atFirstPause` runs at the first. */
function slicedEveryBlock(atFirstPause: () => boolean): Options {
  let t = 0;
  let slice = 0;
  return { sliceMs: 8, now: () => (t += 10), paintNow: () => (slice++ === 0 ? atFirstPause() : false) };
}

/** Frames come 50 ms late: a settled flush (5–20 ms) runs while the scan waits for one. */
function lateFrames(): void {
  vi.spyOn(window, 'requestAnimationFrame').mockImplementation((cb) => setTimeout(() => cb(0), 50) as unknown as number);
}

describe('Scanner: the page changes while the first scan yields', () => {
  it('finds the blocks after a subtree the page replaced where the scan had paused', async () => {
    const s = start(`<div id="a"><p>GDS one ${FILLER}</p><p id="p2">LGA two ${FILLER}</p></div><p>Socitm three</p>`,
      slicedEveryBlock(() => {
        document.getElementById('p2')!.replaceWith(Object.assign(document.createElement('p'), { textContent: 'Greg Clark' }));
        return false;
      }));
    await s.firstScan;
    await vi.waitFor(() => expect(s.onPage()).toContain('Greg Clark'));
    await settled();
    expect(s.onPage()).toEqual(['GDS', 'Greg Clark', 'Socitm']);
  });

  it('keeps no mention of text the page removed where the scan had paused', async () => {
    lateFrames();
    const s = start(`<div id="a"><p>GDS one ${FILLER}</p><p id="p2">LGA two ${FILLER}</p></div>`,
      slicedEveryBlock(() => (document.getElementById('p2')!.remove(), true)));
    await s.firstScan;
    await settled();
    document.body.insertAdjacentHTML('beforeend', '<p>Greg Clark</p>');
    await vi.waitFor(() => expect(s.onPage()).toContain('Greg Clark'));
    await settled();
    expect(s.texts()).toEqual(s.onPage());
  });

  it('lets a removed full name confirm no surname elsewhere', async () => {
    lateFrames();
    const s = start(`<p>Javid said so. ${FILLER}</p><p id="p2">Sajid Javid agreed. ${FILLER}</p>`,
      slicedEveryBlock(() => (document.getElementById('p2')!.remove(), true)));
    await s.firstScan;
    await settled();
    document.body.insertAdjacentHTML('beforeend', '<p>GDS</p>');
    await vi.waitFor(() => expect(s.onPage()).toContain('GDS'));
    await settled();
    expect(s.texts()).toEqual(['GDS']);
  });

  it('ends even when the page keeps moving the next block back to the top', async () => {
    let t = 0;
    let slices = 0;
    const paragraphs = Array.from({ length: 6 }, (_, i) => `<p>GDS ${i} ${FILLER}</p>`).join('');
    const s = start(paragraphs, {
      sliceMs: 8,
      now: () => (t += 10),
      paintNow: () => {
        if (++slices > 300) s.controller.abort(); // it would go on for ever
        return false;
      },
    });
    // After each block is read (just before the scan yields), the block after it goes to the top.
    const add = s.index.add.bind(s.index);
    s.index.add = (matches) => {
      add(matches);
      const next = matches[0]?.nodes[0]?.parentElement?.nextElementSibling;
      if (next) queueMicrotask(() => document.body.prepend(next));
    };
    await s.firstScan;
    expect(slices).toBeLessThan(300);
  });
});

describe('Scanner: text that leaves a name or the scanned page', () => {
  it('drops a name whose words a new block splits apart', async () => {
    const s = start('<p id="p">Greg <b>Clark</b> spoke.</p>');
    await s.firstScan;
    expect(s.texts()).toEqual(['Greg Clark']);
    const p = document.getElementById('p')!;
    p.insertBefore(Object.assign(document.createElement('div'), { textContent: 'aside' }), p.querySelector('b'));
    await settled();
    expect(s.texts()).toEqual([]);
  });

  it('drops the names of a block moved into an editable region', async () => {
    const s = start('<div><p id="p">Greg Clark spoke.</p></div><section><div contenteditable="true" id="ed"></div></section>');
    await s.firstScan;
    expect(s.texts()).toEqual(['Greg Clark']);
    document.getElementById('ed')!.append(document.getElementById('p')!);
    await settled();
    expect(s.texts()).toEqual([]);
  });

  it('drops the names of text moved, on its own, into an editable region', async () => {
    const s = start('<p id="p">Greg Clark spoke.</p><div contenteditable="true" id="ed">x</div>');
    await s.firstScan;
    expect(s.texts()).toEqual(['Greg Clark']);
    document.getElementById('ed')!.append(document.getElementById('p')!.firstChild!);
    await settled();
    expect(s.texts()).toEqual([]);
  });

  it('drops the names of text the page moves into an element named like our UI host', async () => {
    const s = start('<div><p id="p">Greg Clark spoke.</p></div>');
    await s.firstScan;
    const host = document.createElement(UI.toLowerCase());
    document.body.append(host);
    host.append(document.getElementById('p')!);
    await settled();
    expect(s.texts()).toEqual([]);
  });

  it('rereads no neighbour when a block goes between two runs of whitespace', async () => {
    const s = start('<div id="feed"><p>GDS</p><p>LGA</p></div>');
    const feed = document.getElementById('feed')!;
    // Two text nodes of whitespace side by side, as a framework's text fragments leave them.
    const gap = document.createTextNode('\n  ');
    feed.append(gap, document.createTextNode('\n'));
    await s.firstScan;
    await settled(); // the rescan those two additions cause
    const dropped: Node[] = [];
    const removeOn = s.index.removeOn.bind(s.index);
    s.index.removeOn = (nodes) => removeOn([...nodes].map((n) => (dropped.push(n), n)));
    feed.insertBefore(Object.assign(document.createElement('p'), { textContent: 'Greg Clark' }), gap.nextSibling);
    await vi.waitFor(() => expect(s.texts()).toEqual(['GDS', 'LGA', 'Greg Clark']));
    expect(dropped.map((n) => n.textContent)).toEqual(['Greg Clark']);
  });

  it('still reads a block appended after a paragraph (no extra rescan of its parent)', async () => {
    const s = start('<div id="d"><p>GDS</p></div>');
    await s.firstScan;
    document.getElementById('d')!.append(Object.assign(document.createElement('p'), { textContent: 'Greg Clark' }));
    await vi.waitFor(() => expect(s.texts()).toEqual(['GDS', 'Greg Clark']));
  });
});

describe('Scanner: a page that never stops changing', () => {
  it('does not queue the same root again while its rescan is still waiting', async () => {
    let t = 0;
    const paragraphs = Array.from({ length: 60 }, (_, i) => `<p>GDS ${i} ${FILLER}</p>`).join('');
    // Every block a slice, each waiting for a frame: a rescan of the body takes about 60 frames.
    const s = start(`<p>start</p>${paragraphs}<span id="clock">0</span>`, { sliceMs: 8, now: () => (t += 10), paintNow: () => true });
    await s.firstScan;
    const clock = document.getElementById('clock')!.firstChild as Text;
    // The queue is private; its length is what this test is about.
    const queued = () => (s.scanner as unknown as { queue: Node[] }).queue.length;
    let most = 0;
    for (let n = 1; n <= 150; n++) {
      clock.data = String(n); // text directly in the body: the body is the changed block
      most = Math.max(most, queued());
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(most).toBeLessThanOrEqual(2);
  });

  it('yields while rescanning many added blocks that hold no text to match', async () => {
    let t = 0;
    let slices = 0;
    const s = start('<p>Nothing yet.</p>', { sliceMs: 8, now: () => (t += 10), paintNow: () => (slices++, false) });
    await s.firstScan;
    slices = 0;
    // 2,000 roots whose walk finds no block: whitespace only, or only excluded content.
    for (let i = 0; i < 1000; i++) document.body.insertAdjacentHTML('beforeend', '<p> </p>');
    for (let i = 0; i < 1000; i++) document.body.insertAdjacentHTML('beforeend', '<div><script>1</script></div>');
    document.body.insertAdjacentHTML('beforeend', '<p>GDS</p>');
    await vi.waitFor(() => expect(s.texts()).toEqual(['GDS']));
    expect(slices).toBeGreaterThanOrEqual(5);
  });
});
