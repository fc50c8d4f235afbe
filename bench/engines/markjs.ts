// mark.js 8.11.1, the library a developer would reach for, in two configurations: markRegExp with
// the alias alternation (its fastest), and mark(array, exactly) timed on 50 keywords only.

import Mark from 'mark.js';
import { aliasAlternation } from './alternation';
import type { BenchDictionary, Engine } from './types';

abstract class MarkJsEngine implements Engine {
  protected abstract markIn(root: Element, done: () => void): void;
  abstract load(dict: BenchDictionary): void;

  /** mark.js finds and wraps in one synchronous pass: its find is also its highlighting. */
  find(root: Element): void {
    let finished = false;
    this.markIn(root, () => (finished = true));
    if (!finished) throw new Error('mark.js did not finish synchronously');
  }

  register(): void {}

  clear(): void {
    new Mark(document.body).unmark();
  }

  shown(): AbstractRange[] {
    // StaticRanges, not live Ranges: live ones would slow every later DOM change, unmark included.
    return [...document.querySelectorAll('mark[data-markjs]')].map((el) => new StaticRange({
      startContainer: el.firstChild!,
      startOffset: 0,
      endContainer: el.lastChild!,
      endOffset: (el.lastChild as Text).data.length,
    }));
  }

  async startLive(): Promise<void> {
    this.find(document.body);
  }

  async processAdded(added: Element): Promise<void> {
    this.find(added);
  }

  stopLive(): void {
    this.clear();
  }
}

export class MarkJsRegExpEngine extends MarkJsEngine {
  private regex!: RegExp;

  load(dict: BenchDictionary): void {
    this.regex = aliasAlternation(dict.aliases);
  }

  protected markIn(root: Element, done: () => void): void {
    new Mark(root).markRegExp(this.regex, { done });
  }
}

export class MarkJsArrayEngine extends MarkJsEngine {
  private keywords: string[] = [];

  load(dict: BenchDictionary): void {
    this.keywords = dict.subset;
  }

  protected markIn(root: Element, done: () => void): void {
    new Mark(root).mark(this.keywords, { accuracy: 'exactly', separateWordSearch: false, done });
  }
}
