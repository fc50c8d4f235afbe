// Sound Familiar's real content-script modules (Scanner → textBlocks + matchBlock → MentionIndex →
// Highlighter), driven the way page-session.ts drives them, minus the card and hover code.

import { Highlighter } from '../../src/content/highlight/highlighter';
import { loadDictionary, type LoadedDictionary } from '../../src/content/scan/loaded-dictionary';
import { MentionIndex, type Mention, type MentionListener } from '../../src/content/scan/mention-index';
import { pagePublicationDate } from '../../src/content/scan/page-date';
import { Scanner } from '../../src/content/scan/scanner';
import { UI_TAG } from '../../src/content/ui/ui-root';
import { findMatches } from '../../src/shared/matcher/search';
import { textBlocks } from '../../src/content/scan/text-blocks';
import { matchBlock } from '../../src/content/scan/block-matches';
import { today } from '../../src/shared/today';
import type { BenchDictionary, Engine } from './types';

export interface OursPhases {
  walkMs: number;
  searchMs: number;
  rangesMs: number;
  indexMs: number;
  textChars: number;
  blocks: number;
}

export class OursEngine implements Engine {
  private dictionary!: LoadedDictionary;
  private readonly highlighter: Highlighter;
  private controller: AbortController | null = null;
  private index: MentionIndex | null = null;
  private readonly visible = new Set<Mention>();
  private waiter: { after: number; resolve: () => void } | null = null;
  /** When the Scanner last flushed its dirty blocks (performance.now()). */
  lastFlushAt = 0;

  /** `visibleFirst: false`: no range goes ahead of the Highlighter's batch (as before viewport-first painting); it registers from the top. */
  constructor({ visibleFirst = true } = {}) {
    this.highlighter = visibleFirst ? new Highlighter() : new Highlighter(CSS.highlights, undefined, () => null);
  }

  load(dict: BenchDictionary): void {
    this.dictionary = loadDictionary(dict.packed);
  }

  /** Find only: the Scanner with one unbounded slice; mentions are collected, not painted. */
  async find(): Promise<void> {
    await this.start({ show: (m) => this.visible.add(m), hide: (m) => this.visible.delete(m) }, Number.MAX_SAFE_INTEGER);
    this.controller!.abort(); // a find is one pass: no observer afterwards
  }

  register(): void {
    for (const m of this.visible) this.highlighter.add(this.kindOf(m), m.range);
    // The Highlighter batches changes for 100 ms; without this flush the timed frame would paint
    // nothing, while the RegExp engine registers its highlights at once and mark.js its <mark>s.
    this.highlighter.flush();
  }

  clear(): void {
    // As PageSession.destroy() does it.
    this.controller?.abort();
    this.highlighter.clear();
    this.index?.clear();
    this.visible.clear();
    this.index = null;
  }

  shown(): AbstractRange[] {
    return [...this.visible].map((m) => m.range);
  }

  /** What the content script does: highlights as mentions are found, default 8 ms slices, observer on. */
  startLive(): Promise<void> {
    // Resolves when the last batch of highlights is applied, not when the scan ends: the Highlighter
    // applies changes up to 100 ms later, and the frame the harness times must paint them.
    return this.start({
      show: (m) => {
        this.visible.add(m);
        this.highlighter.add(this.kindOf(m), m.range);
      },
      hide: (m) => {
        this.visible.delete(m);
        this.highlighter.delete(this.kindOf(m), m.range);
      },
    }).then(() => this.highlighter.applied());
  }

  /** Resolves when a drain finishes that began after the Scanner's observer flushed `added`. */
  processAdded(_added: Element): Promise<void> {
    const after = performance.now();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('ours: mutation not processed within 20 s')), 20_000);
      // As startLive: done once the added mentions' highlights are applied.
      this.waiter = { after, resolve: () => (clearTimeout(timer), void this.highlighter.applied().then(resolve)) };
    });
  }

  stopLive(): void {
    this.clear();
  }

  /** The find's stages as cumulative passes over the page: walk; + search (normalising as it reads); + ranges; + mention index. */
  phases(root: Element): OursPhases {
    const searcher = this.dictionary.searcher;
    const blocks = () => textBlocks(root, UI_TAG);
    const time = (pass: () => void) => {
      const t0 = performance.now();
      pass();
      return performance.now() - t0;
    };
    let textChars = 0;
    let blockCount = 0;
    let sink = 0;
    const walkMs = time(() => {
      for (const b of blocks()) {
        textChars += b.text.length;
        blockCount++;
      }
    });
    const searchMs = time(() => {
      for (const b of blocks()) sink += findMatches(searcher, b.text).length;
    });
    const rangesMs = time(() => {
      for (const b of blocks()) sink += matchBlock(searcher, b).length;
    });
    const index = new MentionIndex(this.dictionary, undefined, '2019-01-01', { show: () => sink++, hide: () => sink-- });
    const indexMs = time(() => {
      for (const b of blocks()) {
        const matches = matchBlock(searcher, b);
        if (matches.length > 0) index.add(matches);
      }
    });
    index.clear();
    if (sink < 0) throw new Error('unreachable');
    return { walkMs, searchMs, rangesMs, indexMs, textChars, blocks: blockCount };
  }

  private start(listener: MentionListener, sliceMs?: number): Promise<void> {
    this.controller = new AbortController();
    this.index = new MentionIndex(this.dictionary, pagePublicationDate(document), today(), listener);
    const scanner = new Scanner(document, this.dictionary.searcher, this.index, this.controller.signal, {
      uiTag: UI_TAG,
      ...(sliceMs === undefined ? {} : { sliceMs }),
      // As the mentions feature wires it: what is on screen is painted before the scan goes on.
      paintNow: () => this.highlighter.takeFrameRequest(),
      screenFound: (walkedTo) => this.highlighter.screenFound(walkedTo),
      // The Scanner's seam for timing: when the observer's flush queued rescans, and when the work ran dry.
      onFlush: () => (this.lastFlushAt = performance.now()),
      onIdle: () => {
        const w = this.waiter;
        if (w && this.lastFlushAt >= w.after) {
          this.waiter = null;
          w.resolve();
        }
      },
    });
    return scanner.start();
  }

  private kindOf(m: Mention) {
    return this.dictionary.entities[m.entity]!.kind;
  }
}
