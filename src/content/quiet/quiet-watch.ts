// A frame whose page, as far as the background has read it, names nothing we know (issue 12): it
// holds no dictionary and no session, and only watches for what could change that. Text the page
// adds or changes later is read and handed on to be checked; a selection the reader makes is handed
// on at once, as recording it needs the session. Nothing runs while the page is idle: a timer is
// set only after a change, backs off while the page keeps changing, and waits for the last check
// to be answered, so a frame never has more than one in flight.
//
// What is read again is as little as can hold a new name: an added block whole; for a block whose
// own text changed (text or an inline element added, something removed so that its neighbours now
// join), only its own text, not the blocks inside it, which did not change. Removing a cookie
// banner from <body> then reads <body>'s few loose words, not the article.

import { withoutSkippedRuns } from '../../shared/matcher/skipped';
import { MAX_CHECKED_TEXT } from '../../shared/page-start';
import { scannedText } from '../scan/scanned-text';
import { SettleBackoff } from '../scan/settle-backoff';
import { blockElementOf, isExcludedElement, isInsideExcluded } from '../scan/text-blocks';
import { selectionAnchor } from '../selection/record-button';

/**
 * The most changed text one check sends, in UTF-16 units: a page that changes more at once is
 * given the dictionary instead (as every page was before), so the background is never asked to
 * read much more than a page's first read.
 */
export const MAX_CHANGED_TEXT = 65_536;

export interface QuietHandlers {
  /** Text of what the page added or changed, to check (null: too much, send for the dictionary). Settles when answered. */
  onText(text: string | null): Promise<unknown>;
  /** The reader selected something worth recording, with a gesture at `at` (performance.now()). */
  onSelection(at: number): void;
}

export class QuietWatch {
  /** Blocks to read whole: added, or whose editability changed. */
  private readonly whole = new Set<Element>();
  /** Blocks to read only their own text of. */
  private readonly own = new Set<Element>();
  private readonly observer: MutationObserver;
  private readonly controller = new AbortController();
  private readonly backoff = new SettleBackoff(100, 2000);
  private handlers: QuietHandlers | null = null;
  /** Whether the page changed since its text was read. */
  private changed = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** A check in flight: the next waits for its answer. */
  private checking = false;

  /** Watches from here on, so that nothing the page does after its text is read goes unseen. */
  constructor(private readonly doc: Document, private readonly uiTag: string) {
    this.observer = new MutationObserver((records) => this.note(records));
    // contenteditable decides whether a region's text is read at all (text-blocks.ts).
    this.observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true, attributeFilter: ['contenteditable'] });
  }

  /**
   * The page's text as the first scan's prefilter reads it, or null where that check does not
   * apply (not an HTML document, no body, or too long to send). Changes count from here.
   */
  readText(): string | null {
    this.observer.takeRecords();
    this.changed = false;
    this.whole.clear();
    this.own.clear();
    const body = this.doc.body;
    if (this.doc.contentType !== 'text/html' || !body) return null;
    // Less its indentation, which the verdict ignores: on a big page, sending it cost more than this.
    const text = withoutSkippedRuns(scannedText(body, this.uiTag));
    return text.length <= MAX_CHECKED_TEXT ? text : null;
  }

  /** Counts the whole page as changed: its first check failed, so the next flush checks it all. */
  unread(): void {
    if (this.doc.body) this.mark(this.whole, this.doc.body);
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
      if (e.isTrusted && selectionAnchor(this.doc, this.uiTag)) handlers.onSelection(e.timeStamp);
    };
    for (const type of ['pointerup', 'keyup', 'dblclick'] as const) this.doc.addEventListener(type, gesture, { capture: true, passive: true, signal });
    this.note(this.observer.takeRecords());
    this.schedule();
  }

  /** Stops watching: the frame is leaving quiet (or its run ended). */
  dispose(): void {
    this.observer.disconnect();
    this.controller.abort();
    clearTimeout(this.timer);
    this.handlers = null;
  }

  private note(records: MutationRecord[]): void {
    for (const r of records) this.noteOne(r);
    this.schedule();
  }

  private noteOne(r: MutationRecord): void {
    const target = r.target;
    // Inside an excluded region nothing is read (and a region turning editable reads less).
    if (isInsideExcluded(target, this.uiTag)) return;
    if (r.type === 'attributes') {
      // A region that stopped being editable: its text is read now, as if just added.
      this.noteAdded(target as Element);
    } else if (r.type === 'characterData' || r.removedNodes.length > 0) {
      this.markOwn(target);
    }
    for (const added of r.addedNodes) {
      if (added.nodeType === 1 && !isExcludedElement(added as Element, this.uiTag)) this.noteAdded(added as Element);
      else if (added.nodeType === 3) this.markOwn(target);
    }
  }

  /** All of `el`'s text is new; if it is inline, its block's own text now runs through it too. */
  private noteAdded(el: Element): void {
    this.mark(this.whole, el);
    if (blockElementOf(el) !== el) this.markOwn(el);
  }

  private markOwn(node: Node): void {
    const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
    if (el) this.mark(this.own, blockElementOf(el));
  }

  private mark(set: Set<Element>, el: Element): void {
    set.add(el);
    this.changed = true;
  }

  private schedule(): void {
    if (!this.handlers || this.checking || this.timer !== undefined || !this.changed) return;
    this.timer = setTimeout(() => void this.flush(), this.backoff.next(performance.now()));
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    this.backoff.flushed(performance.now());
    const handlers = this.handlers;
    if (!handlers) return;
    const text = this.takeText();
    this.changed = false;
    if (text !== null && !/\S/.test(text)) return;
    this.checking = true;
    try {
      await handlers.onText(text);
    } finally {
      this.checking = false;
      this.note(this.observer.takeRecords());
    }
  }

  /** The text of what changed, and forgets it; null past MAX_CHANGED_TEXT. */
  private takeText(): string | null {
    const whole = [...this.whole].filter((el) => el.isConnected);
    const own = [...this.own].filter((el) => el.isConnected);
    this.whole.clear();
    this.own.clear();
    let text = '';
    // A block inside another read whole is read with it.
    const wholeSet = new Set(whole);
    const insideWhole = (el: Element) => {
      for (let p = el.parentElement; p; p = p.parentElement) if (wholeSet.has(p)) return true;
      return false;
    };
    for (const el of whole) {
      if (insideWhole(el)) continue;
      text += `${scannedText(el, this.uiTag)}\n`;
      if (text.length > MAX_CHANGED_TEXT) return null;
    }
    for (const el of own) {
      if (wholeSet.has(el) || insideWhole(el)) continue;
      text += `${this.ownText(el)}\n`;
      if (text.length > MAX_CHANGED_TEXT) return null;
    }
    return text;
  }

  /** `block`'s own text: its text nodes, and its inline elements', not those of blocks inside it or excluded regions. */
  private ownText(block: Element): string {
    const walker = this.doc.createTreeWalker(block, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => {
        if (node.nodeType === 3) return NodeFilter.FILTER_ACCEPT;
        const el = node as Element;
        if (isExcludedElement(el, this.uiTag) || blockElementOf(el) === el) return NodeFilter.FILTER_REJECT;
        return NodeFilter.FILTER_SKIP;
      },
    });
    let text = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) text += (n as Text).data;
    return text;
  }
}
