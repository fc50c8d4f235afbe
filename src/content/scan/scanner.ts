// Schedules the work of finding mentions: a first scan in slices of a few milliseconds once the
// page is usable, then rescans of only the blocks a mutation touched, coalesced and backed off
// so a page that never stops changing cannot keep the extension busy. The first scan does not walk
// a page whose text, read in one piece, cannot hold any name we know (prefilter.ts).

import type { Searcher } from '../../shared/matcher/search';
import { matchBlock } from './block-matches';
import type { MentionIndex } from './mention-index';
import { yieldToPage } from '../yield-to-page';
import { NEEDS_CONTEXT } from '../../shared/matcher/alias-rules';
import { prefilter, type Prefilter } from '../../shared/matcher/prefilter';
import { opensWithName } from './opening-names';
import { scannedText } from './scanned-text';
import { ChangedBlocks } from './changed-blocks';
import { SettleBackoff } from './settle-backoff';
import { textBlocks } from './text-blocks';

/** About 0.1 ms of scanning: slices overrun their budget by at most that. */
const CLOCK_CHARS = 4096;
/**
 * What a block (or a root whose walk finds none) counts for besides its text, so a page of
 * thousands of tiny blocks (table cells, list items) still reads the clock: a bound on walking,
 * not a measured cost.
 */
const BLOCK_CHARS = 64;
/**
 * How many times a walk that the page pulled out from under it (a subtree removed or moved while
 * the scan yielded) starts again from its root: enough for a page re-rendering as it loads, and
 * a bound against one that keeps moving the text ahead of the walk.
 */
const MAX_RESTARTS = 4;

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
  /**
   * Asked at each reading of the clock with the last text node read: true when what is on screen
   * was found and waits to be painted, and the walk has gone past the screen. The slice then ends
   * early, so the screen is painted without waiting out the slice (every frame that changes a
   * highlight repaints the whole page, so the screen is best painted in one frame, not in pieces).
   */
  screenFound?(walkedTo: Node): boolean;
  /** Told when rescans of changed blocks are queued (the observer's settled flush): for the benchmark. */
  onFlush?(): void;
  /** Told each time the queue of work runs dry: for the benchmark. */
  onIdle?(): void;
  /**
   * The prefilter's verdict on the whole page's text, given by the background from text read just
   * before this scanner started (content/main.ts): the first scan uses it instead of reading the
   * text a second time.
   */
  firstVerdict?: Prefilter;
}

export class Scanner {
  private readonly changes: ChangedBlocks;
  private restarts = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly backoff: SettleBackoff;
  private queue: Node[] = [];
  /** What is in the queue: a root waiting there reads the page as it is then, so once is enough. */
  private readonly queued = new Set<Node>();
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
    this.backoff = new SettleBackoff(options.settleMs ?? 50, options.maxSettleMs ?? 1000);
    this.changes = new ChangedBlocks(options.uiTag);
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
    const verdict = this.options.firstVerdict ?? prefilter(this.searcher, scannedText(root as Element, this.options.uiTag));
    if (verdict === 'context-only') this.deferred = root;
    return verdict === 'maybe';
  }

  /** Walks the deferred root once `matches` hold a name that needs no context. */
  private undefer(matches: readonly { variants: readonly number[] }[]): void {
    const flags = this.searcher.automaton.variantFlags;
    if (!matches.some((m) => m.variants.some((v) => !(flags[v]! & NEEDS_CONTEXT)))) return;
    const root = this.deferred!;
    this.deferred = null;
    this.push(root);
  }

  private push(root: Node): void {
    if (this.queued.has(root)) return;
    this.queued.add(root);
    this.queue.push(root);
  }

  private idle: Promise<void> = Promise.resolve();

  private enqueue(root: Node): Promise<void> {
    this.push(root);
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
      /** Whether the slice is spent, after `chars` more of work (read up to `at`), or the screen's mentions are all found. */
      const sliceSpent = (chars: number, at?: Node): boolean => {
        untilClock -= chars;
        if (untilClock > 0) return false;
        untilClock = CLOCK_CHARS;
        return now() - sliceStart >= sliceMs || (at !== undefined && this.options.screenFound?.(at) === true);
      };
      const pause = async () => {
        await (this.options.paintNow?.() ? nextFrame() : yieldToPage());
        sliceStart = now();
      };
      while (this.queue.length > 0 && !this.signal.aborted) {
        // A root counts for the clock even when its walk finds no block (an empty paragraph).
        if (sliceSpent(BLOCK_CHARS)) await pause();
        const root = this.queue.shift();
        if (!root || this.signal.aborted) break;
        this.queued.delete(root);
        const first = root === this.firstRoot;
        // Its opening names someone: then the prefilter could only say walk, and need not read it all
        // (unless a verdict was given: then nothing is read).
        if (first && this.options.firstVerdict === undefined && root.isConnected && opensWithName(this.searcher, root as Element, this.options.uiTag)) this.firstRoot = null;
        if (!root.isConnected || !this.worthWalking(root)) continue;
        // The first scan's slices are timed from its walk, after its prefilter, as they always were.
        if (first) sliceStart = now();
        /** The last text read before the scan yielded; null while it has not yielded in this root. */
        let pausedAfter: Node | null = null;
        for (const block of textBlocks(root, this.options.uiTag)) {
          if (this.signal.aborted) return;
          if (pausedAfter && !this.walkStillHolds(root, pausedAfter, block.nodes[0]!)) break;
          pausedAfter = null;
          const matches = matchBlock(this.searcher, block);
          if (matches.length > 0) {
            this.index.add(matches);
            if (this.deferred) this.undefer(matches);
          }
          const last = block.nodes[block.nodes.length - 1]!;
          if (sliceSpent(block.text.length + BLOCK_CHARS, last)) {
            await pause();
            pausedAfter = last;
          }
        }
      }
    } finally {
      this.running = false;
      this.options.onIdle?.();
    }
  }

  /**
   * Whether the walk of `root` may go on to `next` after yielding: not if the page removed or moved
   * the text it was at meanwhile (the walker would go on inside a detached subtree and miss the rest
   * of the root, or read blocks again). Then the root is walked again from its start, a few times.
   */
  private walkStillHolds(root: Node, pausedAfter: Node, next: Node): boolean {
    // The text it had read may itself have gone: then only where it is now matters.
    const inOrder = !pausedAfter.isConnected || pausedAfter.compareDocumentPosition(next) & Node.DOCUMENT_POSITION_FOLLOWING;
    if (inOrder && root.contains(next)) return true;
    if (root.isConnected && this.restarts++ < MAX_RESTARTS) this.push(root);
    return false;
  }

  private onMutations(records: MutationRecord[]): void {
    if (this.changes.record(records) && this.timer === undefined) this.scheduleFlush();
  }

  private scheduleFlush(): void {
    const now = (this.options.now ?? (() => performance.now()))();
    this.timer = setTimeout(() => this.flush(), this.backoff.next(now));
  }

  private flush(): void {
    this.timer = undefined;
    this.backoff.flushed((this.options.now ?? (() => performance.now()))());
    if (this.signal.aborted) return;
    this.options.onFlush?.();
    const { roots, sweep, gone } = this.changes.take();
    if (sweep) this.index.remove((m) => !m.nodes.every((n) => n.isConnected));
    // A rescanned block's old mentions go first: found by its text nodes, so an append costs what
    // it added, not a climb from every mention on the page (most of the append's CPU before).
    for (const node of [...roots, ...gone]) this.index.removeOn(textNodesIn(this.doc, node));
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

/** `root` if it is text, or every text node under it, excluded regions too (a mention may have been found before they were). */
function* textNodesIn(doc: Document, root: Node): Generator<Node> {
  if (root.nodeType === 3) {
    yield root;
    return;
  }
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) yield n;
}
