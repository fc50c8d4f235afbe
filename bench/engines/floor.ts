// The floor: a bare TreeWalker over every text node reading its data, with no matching at all.
// Nothing any engine does on the same DOM can be faster than this walk.

import type { Engine } from './types';

export class FloorEngine implements Engine {
  /** Kept so the engine cannot optimise the reads away. */
  chars = 0;

  load(): void {}

  find(root: Element): void {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let chars = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) chars += (node as Text).data.length;
    this.chars = chars;
  }

  register(): void {}
  clear(): void {}
  shown(): AbstractRange[] {
    return [];
  }

  async startLive(): Promise<void> {
    this.find(document.body);
  }

  async processAdded(added: Element): Promise<void> {
    this.find(added);
  }

  stopLive(): void {}
}
