// One run of Sound Familiar on one page: scanner, mention index, highlights, hover and card,
// wired together and torn down by one AbortSignal (site switched off, extension updated).

import type { PageMentionSummary } from '../shared/messages';
import type { Entity } from '../shared/types';
import { Highlighter } from './highlight/highlighter';
import { watchHover } from './highlight/hover';
import type { LoadedDictionary } from './scan/loaded-dictionary';
import { MentionIndex, type Mention } from './scan/mention-index';
import { pagePublicationDate } from './scan/page-date';
import { Scanner } from './scan/scanner';
import { CardController } from './ui/card-controller';
import { UI_TAG } from './ui/card-host';

export interface PageSessionDeps {
  dictionary: LoadedDictionary;
  loadEntity(id: string): Promise<Entity | null>;
  doc?: Document;
  today?: string;
}

export class PageSession {
  private readonly controller = new AbortController();
  private readonly index: MentionIndex;
  private readonly highlighter = new Highlighter();
  private readonly card: CardController;
  private readonly scanner: Scanner;
  private readonly doc: Document;
  readonly firstScan: Promise<void>;

  constructor(private readonly deps: PageSessionDeps) {
    const signal = this.controller.signal;
    this.doc = deps.doc ?? document;
    const { dictionary } = deps;
    const kindOf = (m: Mention) => dictionary.entities[m.entity]!.kind;
    this.index = new MentionIndex(dictionary, pagePublicationDate(this.doc), deps.today ?? new Date().toISOString().slice(0, 10), {
      show: (m) => this.highlighter.add(kindOf(m), m.range),
      hide: (m) => this.highlighter.delete(kindOf(m), m.range),
    });
    const entities = new Map<number, Promise<Entity | null>>();
    this.card = new CardController({
      doc: this.doc,
      mentions: () => this.renderedMentions(),
      loadEntity: (i) => {
        let p = entities.get(i);
        if (!p) {
          p = deps.loadEntity(dictionary.entities[i]!.id).catch(() => null);
          entities.set(i, p);
        }
        return p;
      },
    }, signal);
    watchHover(this.index, {
      enter: (m) => this.card.hoverEnter(m),
      leave: () => this.card.hoverLeave(),
      isOverUi: (target) => this.card.host.contains(target),
    }, signal, this.doc);
    this.scanner = new Scanner(this.doc, dictionary.searcher, this.index, signal, { uiTag: UI_TAG });
    this.firstScan = this.scanner.start();
  }

  /** Per entity, how often the page mentions it where a reader can see it; most first. */
  summary(): PageMentionSummary[] {
    const counts = new Map<number, number>();
    for (const m of this.renderedMentions()) counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
    return [...counts].map(([i, count]) => {
      const { id, name, kind } = this.deps.dictionary.entities[i]!;
      return { entityId: id, name, kind, count };
    }).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  }

  reveal(entityId: string): Promise<boolean> {
    const first = this.renderedMentions().find((m) => this.deps.dictionary.entities[m.entity]!.id === entityId);
    return first ? this.card.reveal(first) : Promise.resolve(false);
  }

  step(direction: 1 | -1): Promise<boolean> {
    return this.card.step(direction);
  }

  destroy(): void {
    this.controller.abort();
    this.highlighter.clear();
    this.index.clear();
  }

  /** Shown mentions whose text is rendered (not inside a hidden element), in document order. */
  private renderedMentions(): Mention[] {
    return this.index.visible().filter((m) => {
      const parent = m.range.startContainer.parentElement;
      return !parent || typeof parent.checkVisibility !== 'function' || parent.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions);
    });
  }
}
