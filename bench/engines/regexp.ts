// The plain alternative: one RegExp alternation run over each text node (TreeWalker + exec), its
// matches painted through the same CSS Custom Highlight API, so end-to-end costs compare fairly.

import { aliasAlternation } from './alternation';
import type { BenchDictionary, Engine } from './types';

const SKIPPED_PARENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'TEMPLATE']);
const NAME = 'bench-regexp';

export class RegExpEngine implements Engine {
  private regex!: RegExp;
  private found: StaticRange[] = [];
  private painted: StaticRange[] = [];
  private highlight: Highlight | null = null;

  load(dict: BenchDictionary): void {
    this.regex = aliasAlternation(dict.aliases);
  }

  find(root: Element): void {
    const re = this.regex;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      if (SKIPPED_PARENTS.has(node.parentNode!.nodeName)) continue;
      const text = node.data;
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        this.found.push(new StaticRange({ startContainer: node, startOffset: m.index, endContainer: node, endOffset: m.index + m[0].length }));
      }
    }
  }

  register(): void {
    if (!this.highlight) {
      this.highlight = new Highlight();
      CSS.highlights.set(NAME, this.highlight);
    }
    for (const r of this.found) this.highlight.add(r);
    this.painted.push(...this.found);
    this.found = [];
  }

  clear(): void {
    CSS.highlights.delete(NAME);
    this.highlight = null;
    this.found = [];
    this.painted = [];
  }

  shown(): AbstractRange[] {
    return this.painted;
  }

  async startLive(): Promise<void> {
    this.find(document.body);
    this.register();
  }

  async processAdded(added: Element): Promise<void> {
    this.find(added);
    this.register();
  }

  stopLive(): void {
    this.clear();
  }
}
