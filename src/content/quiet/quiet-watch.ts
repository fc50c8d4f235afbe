// A frame whose page, as far as the background has read it, names nothing we know (issue 12): it
// holds no dictionary and no session, and only watches for the two things that could change that.
// Text the page adds or changes later is read block by block, as the scanner would read it
// (changed-blocks.ts, scanned-text.ts), and handed on to be checked; a selection the reader makes
// is handed on at once, as recording it needs the session. Nothing runs while the page is idle: a
// timer is set only after a change, and it backs off while the page keeps changing, as the
// scanner's does.

import { MAX_CHECKED_TEXT } from '../../shared/page-start';
import { ChangedBlocks } from '../scan/changed-blocks';
import { scannedText } from '../scan/scanned-text';
import { selectionAnchor } from '../selection/record-button';

const FIRST_SETTLE_MS = 100;
const MAX_SETTLE_MS = 2000;

export interface QuietHandlers {
  /** Text of blocks the page added or changed, to check; null when it is too long to send. */
  onText(text: string | null): void;
  /** The reader selected something worth recording. */
  onSelection(): void;
}

export class QuietWatch {
  private readonly changes: ChangedBlocks;
  private readonly observer: MutationObserver;
  private readonly controller = new AbortController();
  private handlers: QuietHandlers | null = null;
  /** Whether the page changed since its text was read. */
  private changed = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private settle = FIRST_SETTLE_MS;
  private lastFlush = -Infinity;

  /** Watches from here on, so that nothing the page does after its text is read goes unseen. */
  constructor(private readonly doc: Document, private readonly uiTag: string) {
    this.changes = new ChangedBlocks(uiTag);
    this.observer = new MutationObserver((records) => this.note(records));
    this.observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  }

  /**
   * The page's text as the first scan's prefilter reads it, or null where that check does not
   * apply (not an HTML document, no body, or too long to send). Changes count from here.
   */
  readText(): string | null {
    this.note(this.observer.takeRecords());
    this.changed = false;
    this.changes.take();
    const body = this.doc.body;
    if (this.doc.contentType !== 'text/html' || !body) return null;
    const text = scannedText(body, this.uiTag);
    return text.length <= MAX_CHECKED_TEXT ? text : null;
  }

  /** Whether the page changed since readText(): then a verdict on what it read no longer holds. */
  changedSinceRead(): boolean {
    this.note(this.observer.takeRecords());
    return this.changed;
  }

  /** From now on, hands on changed text (settled) and the reader's selections; changes since readText() included. */
  listen(handlers: QuietHandlers): void {
    this.handlers = handlers;
    const signal = this.controller.signal;
    const gesture = (e: Event) => {
      if (e.isTrusted && selectionAnchor(this.doc, this.uiTag)) handlers.onSelection();
    };
    for (const type of ['pointerup', 'keyup', 'dblclick'] as const) this.doc.addEventListener(type, gesture, { capture: true, passive: true, signal });
    this.note(this.observer.takeRecords());
    if (this.changed) this.schedule();
  }

  /** Stops watching: the frame is leaving quiet (or its run ended). */
  dispose(): void {
    this.observer.disconnect();
    this.controller.abort();
    clearTimeout(this.timer);
    this.handlers = null;
  }

  private note(records: MutationRecord[]): void {
    if (records.length === 0 || !this.changes.record(records)) return;
    this.changed = true;
    if (this.handlers && this.timer === undefined) this.schedule();
  }

  private schedule(): void {
    const now = performance.now();
    // Back off while the page keeps changing (a ticker, a feed); settle fast again after a quiet second.
    this.settle = now - this.lastFlush < 1000 ? Math.min(this.settle * 2, MAX_SETTLE_MS) : FIRST_SETTLE_MS;
    this.timer = setTimeout(() => this.flush(), this.settle);
  }

  private flush(): void {
    this.timer = undefined;
    this.lastFlush = performance.now();
    const handlers = this.handlers;
    if (!handlers) return;
    // Blocks the page removed (the sweep, the gone) take no names with them here: there are none.
    const { roots } = this.changes.take();
    let text = '';
    for (const root of roots) {
      text += `${scannedText(root, this.uiTag)}\n`;
      if (text.length > MAX_CHECKED_TEXT) return handlers.onText(null);
    }
    if (/\S/.test(text)) handlers.onText(text);
  }
}
