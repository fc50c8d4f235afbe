// Creates an engine by the name it has in bench-results.json; the one place that knows them all,
// so the harness and the runner agree on names.

import { FloorEngine } from './floor';
import { MarkJsArrayEngine, MarkJsRegExpEngine } from './markjs';
import { OursEngine } from './ours';
import { RegExpEngine } from './regexp';
import type { Engine, EngineName } from './types';

export function createEngine(name: EngineName): Engine {
  switch (name) {
    case 'ours': return new OursEngine();
    // Ours with every highlight waiting for the 100 ms batch (no viewport first): the before of firstVisibleMs.
    case 'ours-batched': return new OursEngine({ visibleFirst: false });
    case 'markjs-regexp': return new MarkJsRegExpEngine();
    case 'markjs-array': return new MarkJsArrayEngine();
    case 'regexp': return new RegExpEngine();
    case 'floor': return new FloorEngine();
  }
}
