// The in-page half of the benchmark: times one engine's phases on the loaded page and scores what
// it shows against the page's known mentions. The Node runner calls it through page.evaluate.

import { createEngine } from '../engines/index';
import { OursEngine, type OursPhases } from '../engines/ours';
import { nextFrame, type BenchDictionary, type Engine, type EngineName } from '../engines/types';
import { findContainer, scoreMentions, type TruthMention } from './accuracy';
import { yieldToPage } from '../../src/content/yield-to-page';
import { HIGHLIGHT_PREFIX } from '../../src/content/highlight/highlighter';

let engine: Engine | null = null;
/** The mentions in the viewport after the last full run (range keys): what firstVisibleMs waits for. */
let inView: Set<string> = new Set();
/** The dictionary as JSON text, as it arrives in a tab by extension messaging. */
let payload = '';
let added: Element[] = [];
let pending: { div: HTMLElement; container: Element; separate: boolean } | null = null;
/** Only held, never read: keeps a dictionary alive while the heap is measured. */
let _retained: unknown = null;
const now = () => performance.now();

function current(): Engine {
  if (!engine) throw new Error('harness: no engine loaded');
  return engine;
}

const api = {
  /** Styles for every engine's highlights, so painting costs what it costs on a real page. */
  init(css: string): void {
    const style = document.createElement('style');
    style.textContent = css;
    document.head.append(style);
  },

  stash(json: string): void {
    payload = json;
  },

  load(name: EngineName): { parseMs: number; loadMs: number } {
    engine = createEngine(name);
    const t0 = now();
    const dict = JSON.parse(payload) as BenchDictionary;
    const t1 = now();
    engine.load(dict);
    return { parseMs: t1 - t0, loadMs: now() - t1 };
  },

  /** One full pass: find, register highlights, then the next frame. */
  async run(label: string): Promise<{ findMs: number; registerMs: number; frameMs: number; endToEndMs: number; shown: number }> {
    const e = current();
    performance.mark(`${label}:start`);
    const t0 = now();
    await e.find(document.body);
    const t1 = now();
    e.register();
    const t2 = now();
    await nextFrame();
    const t3 = now();
    performance.mark(`${label}:end`);
    inView = new Set(e.shown().filter(onScreen).map(rangeKey));
    return { findMs: t1 - t0, registerMs: t2 - t1, frameMs: t3 - t2, endToEndMs: t3 - t0, shown: e.shown().length };
  },

  clear(): { clearMs: number } {
    const t0 = now();
    current().clear();
    return { clearMs: now() - t0 };
  },

  /** Lets the page render what clear() undid, so that work is not charged to the next timed run. */
  async settle(): Promise<void> {
    await nextFrame();
  },

  accuracy(truth: TruthMention[]) {
    return scoreMentions(current().shown(), truth);
  },

  /**
   * As a tab does it: the dictionary message is parsed, loaded and the scan started. Ours loads in
   * a task after the message's, as src/content/index.ts does; the others in the same task.
   */
  async coldLive(name: EngineName, label: string): Promise<{ liveMs: number; shown: number }> {
    performance.mark(`${label}:start`);
    const t0 = now();
    engine = createEngine(name);
    const dict = JSON.parse(payload) as BenchDictionary;
    if (name === 'ours') await yieldToPage();
    engine.load(dict);
    await engine.startLive();
    await nextFrame();
    const liveMs = now() - t0;
    performance.mark(`${label}:end`);
    return { liveMs, shown: engine.shown().length };
  },

  /**
   * As the content script runs (see startLive). `firstVisibleMs` (ours): until the first frame in
   * which every mention on screen (as the last full run found them) was registered, i.e. painted.
   */
  async live(label: string): Promise<{ liveMs: number; shown: number; firstVisibleMs: number | null }> {
    const e = current();
    performance.mark(`${label}:start`);
    const t0 = now();
    const watch = e instanceof OursEngine && inView.size > 0 ? firstFrameShowing(inView, t0) : null;
    await e.startLive();
    await nextFrame();
    const liveMs = now() - t0;
    performance.mark(`${label}:end`);
    const firstVisibleMs = watch ? await watch.stop() : null;
    return { liveMs, shown: e.shown().length, firstVisibleMs };
  },

  /**
   * Scrolls to `fraction` of the page after a live run (window `label`): `paintedMs` until just after
   * the first frame that paints every mention now on screen (all registered when its animation
   * callbacks run), `frames` how many frames that took (null: not in 30), and how many ranges our
   * highlights hold against how many mentions are shown.
   */
  async scrollTo(fraction: number, label: string): Promise<{ paintedMs: number | null; frames: number | null; onScreen: number; registered: number; shown: number }> {
    const e = current();
    window.scrollTo(0, fraction * (document.documentElement.scrollHeight - innerHeight));
    // What is on screen there, read before the clock starts (it measures every shown range).
    const wanted = [...new Set(e.shown().filter(onScreen).map(rangeKey))];
    performance.mark(`${label}:start`);
    const t0 = now();
    let paintedMs: number | null = null;
    let frames: number | null = null;
    for (let i = 1; i <= 30 && frames === null; i++) {
      // Checked in the frame's animation callback: what is registered then is what it paints.
      let all = false;
      await new Promise((resolve) => requestAnimationFrame(() => {
        const registered = registeredKeys();
        all = wanted.every((k) => registered.has(k));
        setTimeout(resolve, 0);
      }));
      if (all) [paintedMs, frames] = [now() - t0, i];
    }
    performance.mark(`${label}:end`);
    return { paintedMs, frames, onScreen: wanted.length, registered: registeredKeys().size, shown: e.shown().length };
  },

  /**
   * Parses the paragraphs to append and finds where they go, outside any timed task. `separate`:
   * appended one by one (as a feed adds items), not in one wrapping element.
   */
  prepareAppend(html: string, separate = false): void {
    const div = document.createElement('div');
    div.className = 'bench-more';
    div.innerHTML = html;
    pending = { div, container: findContainer(document.body), separate };
  },

  /**
   * Appends the prepared 500 paragraphs to the page's main text container: `processedMs` until the
   * engine has handled them (ours: through its MutationObserver), `paintedMs` until the next frame.
   */
  async append(label: string): Promise<{ processedMs: number; paintedMs: number; settleMs: number; shown: number }> {
    const e = current();
    if (!pending) throw new Error('harness: prepareAppend first');
    const { div, container, separate } = pending;
    pending = null;
    const items = separate ? [...div.children] : [div];
    performance.mark(`${label}:start`);
    const t0 = now();
    if (separate) for (const item of items) container.append(item);
    else container.append(div);
    added = items;
    // Ours waits for its observer whatever was added; the others process each added element.
    if (e instanceof OursEngine) await e.processAdded(div);
    else for (const item of items) await e.processAdded(item);
    const t1 = now();
    await nextFrame();
    const t2 = now();
    performance.mark(`${label}:end`);
    const flushAt = e instanceof OursEngine ? e.lastFlushAt : 0;
    return { processedMs: t1 - t0, paintedMs: t2 - t0, settleMs: flushAt > t0 ? flushAt - t0 : 0, shown: e.shown().length };
  },

  stopLive(): void {
    current().stopLive();
    for (const item of added) item.remove();
    added = [];
  },

  /** Our find split into cumulative passes (walk; + normalise; + search; + ranges; + index), for where the time goes. */
  oursPhases(): OursPhases {
    const e = current();
    if (!(e instanceof OursEngine)) throw new Error('harness: oursPhases needs the ours engine');
    return e.phases(document.body);
  },

  /** Keeps a loaded dictionary alive (and drops the JSON) so the runner can read its heap cost. */
  async retainDictionary(name: EngineName): Promise<void> {
    const e = createEngine(name);
    e.load(JSON.parse(payload) as BenchDictionary);
    await e.find(document.body); // compiles what compiles lazily (RegExps, character tables)
    e.clear();
    payload = '';
    _retained = e;
  },

  dropRetained(): void {
    _retained = null;
    payload = '';
  },
};

(globalThis as unknown as { __bench: typeof api }).__bench = api;

const nodeIds = new WeakMap<Node, number>();
let nextNodeId = 1;
const idOf = (n: Node) => {
  let id = nodeIds.get(n);
  if (id === undefined) nodeIds.set(n, (id = nextNodeId++));
  return id;
};
function rangeKey(r: AbstractRange): string {
  return `${idOf(r.startContainer)}:${r.startOffset}:${idOf(r.endContainer)}:${r.endOffset}`;
}

/**
 * One live Range, reused: every live Range stays attached to the document until collected and
 * each DOM insertion updates them all, so one per shown mention (3459 on gen-2mb) made the
 * appends timed after it pay for the harness's measuring.
 */
let measuring: Range | null = null;

function onScreen(r: AbstractRange): boolean {
  const live = (measuring ??= document.createRange());
  live.setStart(r.startContainer, r.startOffset);
  live.setEnd(r.endContainer, r.endOffset);
  const rect = live.getBoundingClientRect();
  return rect.bottom > 0 && rect.top < innerHeight && rect.right > 0 && rect.left < innerWidth && rect.height > 0;
}

/** Keys of the ranges in our CSS.highlights now. */
function registeredKeys(): Set<string> {
  const registered = new Set<string>();
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith(HIGHLIGHT_PREFIX)) continue;
    for (const r of highlight) registered.add(rangeKey(r));
  }
  return registered;
}

/**
 * Checks, in each frame's animation callback, whether every key in `wanted` is in one of our
 * CSS.highlights; the first frame where all are is the first that paints them: its time (after
 * that frame, as nextFrame measures) less `t0`. `stop()` ends the watch and gives that time.
 */
function firstFrameShowing(wanted: ReadonlySet<string>, t0: number): { stop(): Promise<number | null> } {
  let result: number | null = null;
  let done = false;
  let frame = 0;
  const check = () => {
    frame = 0;
    if (done) return;
    const registered = registeredKeys();
    if ([...wanted].every((k) => registered.has(k))) {
      done = true;
      // Right after this frame: a plain timeout would queue behind a yielding scan's continuations.
      const after = () => (result = now() - t0);
      const scheduler = (globalThis as { scheduler?: { postTask?: (f: () => void, o: { priority: string }) => unknown } }).scheduler;
      if (scheduler?.postTask) scheduler.postTask(after, { priority: 'user-blocking' });
      else setTimeout(after, 0);
      return;
    }
    frame = requestAnimationFrame(check);
  };
  frame = requestAnimationFrame(check);
  return {
    async stop() {
      if (!done) await nextFrame();
      done = true;
      cancelAnimationFrame(frame);
      await new Promise((r) => setTimeout(r, 0));
      return result;
    },
  };
}
