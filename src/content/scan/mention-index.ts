// The page's mentions: which entity each match means (publication date for shared names), which
// are shown (context-only aliases need an unambiguous mention of the same entity on the page),
// and lookups for hover (by text node), the popup (by entity) and keyboard walking (in order).

import { holderOn, readsAsHolder, type TitleEntry, type TitleReading } from '../../shared/knowledge/titles';
import { NEEDS_CONTEXT, PRIVATE } from '../../shared/matcher/alias-rules';
import { chooseEntity } from '../../shared/precision';
import type { BlockMatch } from './block-matches';
import type { LoadedDictionary } from './loaded-dictionary';
import { rangeCovers } from './range-covers';
import { sentenceReader } from './sentence-context';
import { namesInside, textAround } from './title-context';

export interface Mention {
  id: number;
  /** Index into the dictionary's entities. */
  entity: number;
  nodes: Text[];
  range: StaticRange;
  needsContext: boolean;
  /** A name the user added: painted privately, never in the page's highlight registry. */
  private: boolean;
  /** Set where the page named the person by a post's title, read at the page's date. */
  title?: TitleReading;
}

export interface MentionListener {
  show(mention: Mention): void;
  hide(mention: Mention): void;
}

export class MentionIndex {
  private readonly all = new Set<Mention>();
  private readonly byNode = new Map<Text, Mention[]>();
  /** Per entity, how many mentions stand on their own (need no context). */
  private readonly confirmed = new Map<number, number>();
  /** Per entity, its context-only mentions: shown or hidden together when the count crosses zero. */
  private readonly needingContext = new Map<number, Set<Mention>>();
  private nextId = 1;

  /** The page's date, read once and only when a match needs it (finding it queries the whole page). */
  private readonly dateOf: () => string | undefined;

  constructor(
    private readonly dictionary: LoadedDictionary,
    pageDate: string | undefined | (() => string | undefined),
    private readonly today: string,
    private readonly listener: MentionListener,
  ) {
    if (typeof pageDate !== 'function') {
      this.dateOf = () => pageDate;
    } else {
      let read: { date: string | undefined } | undefined;
      this.dateOf = () => (read ??= { date: pageDate() }).date;
    }
  }

  private get pageDate(): string | undefined {
    return this.dateOf();
  }

  add(matches: readonly BlockMatch[]): void {
    const a = this.dictionary.searcher.automaton;
    let inSentence: ReturnType<typeof sentenceReader> | undefined;
    for (const match of matches) {
      // A block can be scanned twice (a mutation during the first scan): the same match counts once.
      if (this.has(match)) continue;
      // Text the page removed while the scan yielded is no mention (the walk stops there, but a
      // block read from a detached subtree must never be shown, or confirm a name elsewhere).
      if (!match.nodes[0]!.isConnected) continue;
      const variants = match.variants;
      let entity: number;
      let flags: number;
      let title: TitleReading | undefined;
      if (variants.length === 1 && a.variantEntity[variants[0]!]! < this.dictionary.entities.length) {
        // Nearly every match has one reading: no candidates to weigh (and nothing to allocate).
        entity = a.variantEntity[variants[0]!]!;
        flags = a.variantFlags[variants[0]!]!;
      } else {
        const chosen = this.choose(variants, match);
        if (!chosen) {
          // A post's title read as nobody ("former Cabinet Office minister"): the names inside it still count.
          if (variants.some((v) => a.variantEntity[v]! >= this.dictionary.entities.length)) {
            this.add(namesInside(match, this.dictionary.searcher, (v) => a.variantEntity[v]! < this.dictionary.entities.length));
          }
          continue;
        }
        ({ index: entity, flags, title } = chosen);
      }
      let needsContext = (flags & NEEDS_CONTEXT) !== 0;
      if (needsContext) {
        // Its own sentence may settle it: a verb, or a name beside another (sentence-context.ts).
        const reading = (inSentence ??= sentenceReader(matches, this.dictionary))(match, entity, flags);
        if (reading === 'not-a-name') continue;
        needsContext = reading !== 'named-beside';
      }
      const mention: Mention = { id: this.nextId++, entity, nodes: match.nodes, range: match.range, needsContext, private: (flags & PRIVATE) !== 0 };
      if (title) mention.title = title;
      this.all.add(mention);
      for (const node of mention.nodes) {
        const list = this.byNode.get(node);
        if (list) list.push(mention);
        else this.byNode.set(node, [mention]);
      }
      if (mention.needsContext) {
        let waiting = this.needingContext.get(mention.entity);
        if (!waiting) this.needingContext.set(mention.entity, (waiting = new Set()));
        waiting.add(mention);
        if (this.isConfirmed(mention.entity)) this.listener.show(mention);
      } else {
        this.confirm(mention.entity, +1);
        this.listener.show(mention);
      }
    }
  }

  /** Among several readings of a match, the entity it means on this page, if any. */
  private choose(allVariants: readonly number[], match: BlockMatch): { index: number; flags: number; title?: TitleReading } | undefined {
    const a = this.dictionary.searcher.automaton;
    const count = this.dictionary.entities.length;
    // An entity's own name outranks a post's title that happens to read the same.
    const variants = allVariants.filter((v) => a.variantEntity[v]! < count);
    if (variants.length === 0) return this.chooseHolder(allVariants, match);
    const candidates = variants.map((v) => ({
      entity: this.dictionary.entities[a.variantEntity[v]!]!.id,
      index: a.variantEntity[v]!,
      flags: a.variantFlags[v]!,
      needsContext: (a.variantFlags[v]! & NEEDS_CONTEXT) !== 0,
    }));
    // Where one entity is accepted both with and without context, the stronger reading counts.
    candidates.sort((x, y) => Number(x.needsContext) - Number(y.needsContext));
    return chooseEntity(this.preferConfirmed(candidates), this.dictionary.periods, this.pageDate, this.today);
  }

  /**
   * A post's title ("the Communities Secretary") means whoever held it on the page's date; with
   * no date, today's holder, marked as such. Nobody, or several people at once: not shown.
   */
  private chooseHolder(variants: readonly number[], match: BlockMatch): { index: number; flags: number; title: TitleReading } | undefined {
    const a = this.dictionary.searcher.automaton;
    const count = this.dictionary.entities.length;
    const entries: (TitleEntry & { variant: number })[] = [];
    for (const v of variants) {
      const entry = this.dictionary.titles[a.variantEntity[v]! - count];
      if (entry) entries.push({ ...entry, variant: v });
    }
    const on = this.pageDate ?? this.today;
    const held = holderOn(entries, on);
    if (!held) return undefined;
    const { before, after } = textAround(match.range);
    if (!readsAsHolder(before, after)) return undefined;
    const title: TitleReading = { title: held.title, from: held.from, on, undated: !this.pageDate };
    if (held.to) title.to = held.to;
    return { index: held.entity, flags: a.variantFlags[held.variant]!, title };
  }

  private has(match: BlockMatch): boolean {
    const r = match.range;
    return !!this.byNode.get(match.nodes[0]!)?.some((m) =>
      m.range.startContainer === r.startContainer && m.range.startOffset === r.startOffset &&
      m.range.endContainer === r.endContainer && m.range.endOffset === r.endOffset);
  }

  /** Removes every mention `predicate` picks, e.g. those whose text left the page. */
  remove(predicate: (m: Mention) => boolean): void {
    for (const mention of [...this.all]) if (predicate(mention)) this.drop(mention);
  }

  /**
   * Removes the mentions that touch any of `nodes`, e.g. the text of a block being rescanned:
   * looked up by node, so the cost follows the rescanned text, not every mention on the page.
   */
  removeOn(nodes: Iterable<Node>): void {
    let found: Set<Mention> | undefined;
    for (const node of nodes) {
      const list = this.byNode.get(node as Text);
      if (list) for (const m of list) (found ??= new Set()).add(m);
    }
    if (found) for (const m of found) this.drop(m);
  }

  private drop(mention: Mention): void {
    this.all.delete(mention);
    for (const node of mention.nodes) {
      const list = this.byNode.get(node)?.filter((m) => m !== mention);
      if (list && list.length > 0) this.byNode.set(node, list);
      else this.byNode.delete(node);
    }
    if (mention.needsContext) {
      this.needingContext.get(mention.entity)?.delete(mention);
      if (this.isConfirmed(mention.entity)) this.listener.hide(mention);
    } else {
      this.listener.hide(mention);
      this.confirm(mention.entity, -1);
    }
  }

  clear(): void {
    this.remove(() => true);
  }

  isVisible(m: Mention): boolean {
    return this.all.has(m) && (!m.needsContext || this.isConfirmed(m.entity));
  }

  /** The shown mention covering `offset` in `node`, if any. */
  at(node: Node, offset: number): Mention | undefined {
    const list = node.nodeType === 3 ? this.byNode.get(node as Text) : undefined;
    return list?.find((m) => this.isVisible(m) && rangeCovers(m.range, node as Text, offset));
  }

  /** Shown mentions in document order. */
  visible(): Mention[] {
    return [...this.all].filter((m) => this.isVisible(m)).sort(documentOrder);
  }

  /**
   * A name that only works in context ("Mr Jones") and belongs to several entities means the one
   * the page has already named in full, if it has named one of them.
   */
  private preferConfirmed<T extends { index: number; needsContext: boolean }>(candidates: T[]): T[] {
    if (candidates.length < 2 || !candidates[0]!.needsContext) return candidates;
    const confirmed = candidates.filter((c) => this.isConfirmed(c.index));
    return confirmed.length > 0 ? confirmed : candidates;
  }

  private isConfirmed(entity: number): boolean {
    return (this.confirmed.get(entity) ?? 0) > 0;
  }

  private confirm(entity: number, delta: number): void {
    const before = this.confirmed.get(entity) ?? 0;
    const after = before + delta;
    this.confirmed.set(entity, after);
    // Crossing zero shows or hides the entity's context-only mentions.
    if ((before === 0) !== (after === 0)) {
      for (const m of this.needingContext.get(entity) ?? []) {
        if (after > 0) this.listener.show(m);
        else this.listener.hide(m);
      }
    }
  }
}

/** The page's words for a mention, as written ("DCLG", "the housing secretary"). */
export function mentionText(m: Pick<Mention, 'nodes' | 'range'>): string {
  const r = m.range;
  return m.nodes.map((n) => n.data.slice(n === r.startContainer ? r.startOffset : 0, n === r.endContainer ? r.endOffset : n.data.length)).join('');
}

function documentOrder(a: Mention, b: Mention): number {
  if (a.range.startContainer === b.range.startContainer) return a.range.startOffset - b.range.startOffset;
  const pos = a.range.startContainer.compareDocumentPosition(b.range.startContainer);
  return pos & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}
