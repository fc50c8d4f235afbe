// The interface every benchmarked engine implements, and the dictionary payload they share, so
// the harness can time each one the same way. Engines keep their own state; the harness only times.

import type { PackedDictionary } from '../../src/shared/dictionary';

export type EngineName = 'ours' | 'ours-batched' | 'markjs-regexp' | 'markjs-array' | 'regexp' | 'floor';

export interface BenchDictionary {
  /** What the background sends a tab. */
  packed: PackedDictionary;
  /** Every matchable alias, for the RegExp-based engines (the same set the automaton is built from). */
  aliases: string[];
  /** The 50 keywords mark.js `mark(array)` is timed with (then extrapolated per keyword). */
  subset: string[];
}

export interface Engine {
  /** Turns the dictionary into whatever the engine searches with. */
  load(dict: BenchDictionary): void;
  /** Finds every match under `root`. Engines that can only mark while finding (mark.js) mark here. */
  find(root: Element): void | Promise<void>;
  /** Makes what `find` found visible (CSS highlights); a no-op for engines that already did. */
  register(): void;
  /** Removes everything the engine added to the page and forgets its matches. */
  clear(): void;
  /** What is shown now, one range per highlighted mention, for accuracy. */
  shown(): AbstractRange[];
  /** Runs the engine as it would run for real (ours: the Scanner with 8 ms slices and its observer). */
  startLive(): Promise<void>;
  /** Resolves once the engine has processed `added`, which was just inserted into the page. */
  processAdded(added: Element): Promise<void>;
  stopLive(): void;
}

/** Resolves after the next frame has been produced (rAF, then a task after rendering). */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
