// The in-page half of the benchmark: times one engine's phases on the loaded page and scores what
// it shows against the page's known mentions. The Node runner calls it through page.evaluate.

import { createEngine } from '../engines/index';
import { OursEngine, type OursPhases } from '../engines/ours';
import { nextFrame, type BenchDictionary, type Engine, type EngineName } from '../engines/types';
import { findContainer, scoreMentions, type TruthMention } from './accuracy';
import { yieldToPage } from '../../src/content/yield-to-page';

let engine: Engine | null = null;
/** The dictionary as JSON text, as it arrives in a tab by extension messaging. */
let payload = '';
let added: Element | null = null;
let pending: { div: HTMLElement; container: Element } | null = null;
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

  async live(label: string): Promise<{ liveMs: number; shown: number }> {
    const e = current();
    performance.mark(`${label}:start`);
    const t0 = now();
    await e.startLive();
    await nextFrame();
    const liveMs = now() - t0;
    performance.mark(`${label}:end`);
    return { liveMs, shown: e.shown().length };
  },

  /** Parses the paragraphs to append and finds where they go, outside any timed task. */
  prepareAppend(html: string): void {
    const div = document.createElement('div');
    div.className = 'bench-more';
    div.innerHTML = html;
    pending = { div, container: findContainer(document.body) };
  },

  /**
   * Appends the prepared 500 paragraphs to the page's main text container: `processedMs` until the
   * engine has handled them (ours: through its MutationObserver), `paintedMs` until the next frame.
   */
  async append(label: string): Promise<{ processedMs: number; paintedMs: number; settleMs: number; shown: number }> {
    const e = current();
    if (!pending) throw new Error('harness: prepareAppend first');
    const { div, container } = pending;
    pending = null;
    performance.mark(`${label}:start`);
    const t0 = now();
    container.append(div);
    added = div;
    await e.processAdded(div);
    const t1 = now();
    await nextFrame();
    const t2 = now();
    performance.mark(`${label}:end`);
    const flushAt = e instanceof OursEngine ? e.lastFlushAt : 0;
    return { processedMs: t1 - t0, paintedMs: t2 - t0, settleMs: flushAt > t0 ? flushAt - t0 : 0, shown: e.shown().length };
  },

  stopLive(): void {
    current().stopLive();
    added?.remove();
    added = null;
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
