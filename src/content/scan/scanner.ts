// Schedules the work of finding mentions: a first scan in slices of a few milliseconds once the
// page is usable, then rescans of only the blocks a mutation touched, coalesced and backed off
// so a page that never stops changing cannot keep the extension busy. The first scan does not walk
// a page whose text, read in one piece, cannot hold any name we know (prefilter.ts).

import type { Searcher } from '../../shared/matcher/search';
import { matchBlock } from './block-matches';
import type { MentionIndex } from './mention-index';
import { yieldToPage } from '../yield-to-page';
import { NEEDS_CONTEXT } from '../../shared/matcher/alias-rules';
import { prefilter } from './prefilter';
import { scannedText } from './scanned-text';
import { blockElementOf, isInsideExcluded, textBlocks } from './text-blocks';

/** About 0.1 ms of scanning: slices overrun their budget by at most that. */
const CLOCK_CHARS = 4096;
/**
 * What a block counts for besides its text, so a page of thousands of tiny blocks (table cells,
 * list items) still reads the clock: a bound on walking, not a measured cost.
 */
const BLOCK_CHARS = 64;

export interface ScannerOptions {
  uiTag: string;
  /** Longest a slice of scanning may run before yielding to the page. */
  sliceMs?: number;
  /** Quiet time after a mutation before rescanning; grows while mutations keep coming. */
  settleMs?: number;
  maxSettleMs?: number;
  now?: () => number;
  /**
   * Asked at the end of each slice: true when the slice found something on screen that should be
   * painted now. The scan then waits for the next frame instead of yielding for a moment: the
   * browser gives a yielding scan's continuation priority over rendering, so without it nothing
   * found would be painted until the whole scan ended.
   */
  paintNow?(): boolean;
  /** Told when rescans of changed blocks are queued (the observer's settled flush): for the benchmark. */
  onFlush?(): void;
  /** Told each time the queue of work runs dry: for the benchmark. */
  onIdle?(): void;
}

export class Scanner {
  private readonly dirty = new Set<Element>();
  private sweepNeeded = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private settle: number;
  private lastFlush = 0;
  private queue: Node[] = [];
  private running = false;
  private observer: MutationObserver | null = null;
  /** The first scan's root, until it has been decided whether to walk it (prefilter.ts). */
  private firstRoot: Node | null = null;
  /**
   * A root the first scan did not walk because only context-only names could occur there: walked
   * once a scan finds a name that stands on its own, which could confirm them (mention-index.ts).
   */
  private deferred: Node | null = null;

  constructor(
    private readonly doc: Document,
    private readonly searcher: Searcher,
    private readonly index: MentionIndex,
    private readonly signal: AbortSignal,
    private readonly options: ScannerOptions,
  ) {
    this.settle = options.settleMs ?? 50;
    signal.addEventListener('abort', () => {
      this.observer?.disconnect();
      clearTimeout(this.timer);
      this.queue = [];
    }, { once: true });
  }

  /** Scans the whole document, then watches it for changes. Resolves when the first scan is done. */
  start(): Promise<void> {
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(this.doc.documentElement, { childList: true, subtree: true, characterData: true });
    this.firstRoot = this.doc.body ?? this.doc.documentElement;
    return this.enqueue(this.firstRoot);
  }

  /**
   * Whether the first scan should walk `root`: not where the whole page's text, read in one
   * piece, cannot hold any alias (most of the web). Only in HTML documents, where no text node
   * the walk skips (CDATA) can sit between two it joins. Rescans are small and always walked.
   */
  private worthWalking(root: Node): boolean {
    if (root !== this.firstRoot) return true;
    this.firstRoot = null;
    if (this.doc.contentType !== 'text/html' || root.nodeType !== 1) return true;
    const verdict = prefilter(this.searcher, scannedText(root as Element, this.options.uiTag));
    if (verdict === 'context-only') this.deferred = root;
    return verdict === 'maybe';
  }

  /** Walks the deferred root once `matches` hold a name that needs no context. */
  private undefer(matches: readonly { variants: readonly number[] }[]): void {
    const flags = this.searcher.automaton.variantFlags;
    if (!matches.some((m) => m.variants.some((v) => !(flags[v]! & NEEDS_CONTEXT)))) return;
    const root = this.deferred!;
    this.deferred = null;
    this.queue.push(root);
  }

  private idle: Promise<void> = Promise.resolve();

  private enqueue(root: Node): Promise<void> {
    this.queue.push(root);
    if (!this.running) {
      this.running = true;
      this.idle = this.drain();
    }
    return this.idle;
  }

  private async drain(): Promise<void> {
    const sliceMs = this.options.sliceMs ?? 8;
    const now = this.options.now ?? (() => performance.now());
    try {
      // Never scan in the task that queued the work (for the first scan, the one that also
      // loaded the dictionary): the page gets a turn first.
      await yieldToPage();
      // A slice spans roots: a feed that adds 500 small blocks is 500 roots, each too short to
      // reach the clock on its own, and must still yield (and not read the clock once per root).
      let sliceStart = now();
      // The clock is read once per CLOCK_CHARS of text, not per block: reading it cost as
      // much as deciding every block's element.
      let untilClock = CLOCK_CHARS;
      while (this.queue.length > 0 && !this.signal.aborted) {
        const root = this.queue.shift()!;
        const first = root === this.firstRoot;
        if (!root.isConnected || !this.worthWalking(root)) continue;
        // The first scan's slices are timed from its walk, after its prefilter, as they always were.
        if (first) sliceStart = now();
        const blocks = textBlocks(root, this.options.uiTag);
        for (const block of blocks) {
          if (this.signal.aborted) return;
          const matches = matchBlock(this.searcher, block);
          if (matches.length > 0) {
            this.index.add(matches);
            if (this.deferred) this.undefer(matches);
          }
          untilClock -= block.text.length + BLOCK_CHARS;
          if (untilClock > 0) continue;
          untilClock = CLOCK_CHARS;
          if (now() - sliceStart >= sliceMs) {
            await (this.options.paintNow?.() ? nextFrame() : yieldToPage());
            sliceStart = now();
          }
        }
      }
    } finally {
      this.running = false;
      this.options.onIdle?.();
    }
  }

  private onMutations(records: MutationRecord[]): void {
    const ui = this.options.uiTag;
    for (const r of records) {
      const target = r.target;
      if (target.nodeType === 1 && (target as Element).tagName === ui) continue;
      if (r.type === 'childList') {
        if (r.removedNodes.length > 0) this.sweepNeeded = true;
        for (const added of r.addedNodes) this.markAdded(added, target, ui);
        // A removal joins the text either side of it: that block is read again.
        if (r.removedNodes.length > 0) this.markBlockOf(target, ui);
      } else {
        this.sweepNeeded = true;
        this.markBlockOf(target, ui);
      }
    }
    if ((this.dirty.size > 0 || this.sweepNeeded) && this.timer === undefined) this.scheduleFlush();
  }

  /**
   * An added block-level element is read on its own: appending 500 paragraphs reads those 500,
   * not the whole article around them. Added text or inline elements join their block's text,
   * so that block is read again.
   */
  private markAdded(added: Node, parent: Node, ui: string): void {
    if (added.nodeType === 1) {
      const el = added as Element;
      if (el.tagName === ui) return; // our own card host
      if (blockElementOf(el) === el) {
        if (!isInsideExcluded(el, ui)) this.dirty.add(el);
        return;
      }
    } else if (added.nodeType !== 3) {
      return;
    }
    this.markBlockOf(parent, ui);
  }

  private markBlockOf(node: Node, ui: string): void {
    const parent = node.nodeType === 1 ? (node as Element) : node.parentElement;
    if (parent && !isInsideExcluded(parent, ui)) this.dirty.add(blockElementOf(parent));
  }

  private scheduleFlush(): void {
    const now = (this.options.now ?? (() => performance.now()))();
    // Back off while the page keeps mutating; settle again once it has been quiet for a second.
    this.settle = now - this.lastFlush < 1000 ? Math.min(this.settle * 2, this.options.maxSettleMs ?? 1000) : this.options.settleMs ?? 50;
    this.timer = setTimeout(() => this.flush(), this.settle);
  }

  private flush(): void {
    this.timer = undefined;
    this.lastFlush = (this.options.now ?? (() => performance.now()))();
    if (this.signal.aborted) return;
    this.options.onFlush?.();
    const blocks = [...this.dirty].filter((b) => b.isConnected);
    this.dirty.clear();
    // A block inside another dirty block is rescanned with it.
    const dirty = new Set(blocks);
    const outside = new Set<Node>();
    const roots = blocks.filter((b) => !hasAncestorIn(b, dirty, outside));
    if (this.sweepNeeded) {
      this.sweepNeeded = false;
      this.index.remove((m) => !m.nodes.every((n) => n.isConnected));
    }
    // A rescanned block's old mentions go first: found by its text nodes, so an append costs what
    // it added, not a climb from every mention on the page (most of the append's CPU before).
    for (const root of roots) this.index.removeOn(textNodesIn(this.doc, root));
    for (const root of roots) void this.enqueue(root);
  }
}

/** After the next frame (or 100 ms, where no frame comes: a hidden tab draws none). */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() => setTimeout(() => {
      clearTimeout(timer);
      resolve();
    }, 0));
  });
}

/**
 * Whether `node` sits inside one of `set`. `outside` remembers ancestors found to be in none, so
 * 500 siblings appended together climb their shared ancestors once, not 500 times.
 */
function hasAncestorIn(node: Node, set: ReadonlySet<Node>, outside: Set<Node>): boolean {
  const climbed: Node[] = [];
  for (let n = node.parentNode; n && !outside.has(n); n = n.parentNode) {
    if (set.has(n)) return true;
    climbed.push(n);
  }
  for (const n of climbed) outside.add(n);
  return false;
}

/** Every text node under `root`, excluded regions too (a mention may have been found before they were). */
function* textNodesIn(doc: Document, root: Node): Generator<Node> {
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) yield n;
}
