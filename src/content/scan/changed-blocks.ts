// What the page's DOM changes mean for the mentions found so far: which blocks must be read again,
// whether mentions on removed text must be swept, and which text left the scanned page (moved
// into an editable region or into an element with our UI's tag) and so must lose its mentions
// without being read again. The scanner turns this into rescans at its settled flush.

import { blockElementOf, isInsideExcluded } from './text-blocks';

export interface Changes {
  /** Blocks to read again, none inside another. */
  roots: Element[];
  /** Mentions whose text left the page must go. */
  sweep: boolean;
  /** Text that left what is scanned: its mentions go, and it is not read again. */
  gone: Node[];
}

export class ChangedBlocks {
  private readonly dirty = new Set<Element>();
  private readonly gone = new Set<Node>();
  private sweep = false;

  constructor(private readonly uiTag: string) {}

  /** Notes what `records` changed; true when there is something to flush. */
  record(records: readonly MutationRecord[]): boolean {
    const ui = this.uiTag;
    for (const r of records) {
      const target = r.target;
      if (target.nodeType === 1 && (target as Element).tagName === ui) {
        // Our card host is not page text, but a page can move its own text into an element of that tag.
        for (const added of r.addedNodes) if (added !== target) this.gone.add(added);
        continue;
      }
      if (r.type === 'childList') {
        if (r.removedNodes.length > 0) this.sweep = true;
        for (const added of r.addedNodes) this.markAdded(added, target);
        // A removal joins the text either side of it; a block put between two runs of text splits
        // what read as one ("Greg <div/> Clark"): either way that block is read again.
        if (r.removedNodes.length > 0 || (r.addedNodes.length > 0 && readsInline(r.previousSibling) && readsInline(r.nextSibling))) {
          this.markBlockOf(target);
        }
      } else {
        this.sweep = true;
        this.markBlockOf(target);
      }
    }
    return this.dirty.size > 0 || this.sweep || this.gone.size > 0;
  }

  /** What to do now, and forget it. */
  take(): Changes {
    const blocks = [...this.dirty].filter((b) => b.isConnected);
    this.dirty.clear();
    // A block inside another dirty block is rescanned with it.
    const dirty = new Set(blocks);
    const outside = new Set<Node>();
    const roots = blocks.filter((b) => !hasAncestorIn(b, dirty, outside));
    const changes = { roots, sweep: this.sweep, gone: [...this.gone] };
    this.sweep = false;
    this.gone.clear();
    return changes;
  }

  /**
   * An added block-level element is read on its own: appending 500 paragraphs reads those 500,
   * not the whole article around them. Added text or inline elements join their block's text,
   * so that block is read again. Anything added where the scan does not read loses its mentions.
   */
  private markAdded(added: Node, parent: Node): void {
    const ui = this.uiTag;
    if (added.nodeType === 1) {
      const el = added as Element;
      if (el.tagName === ui) return; // our own card host
      if (blockElementOf(el) === el) {
        if (isInsideExcluded(el, ui)) this.gone.add(el);
        else this.dirty.add(el);
        return;
      }
    } else if (added.nodeType !== 3) {
      return;
    }
    if (isInsideExcluded(parent, ui)) this.gone.add(added);
    else this.markBlockOf(parent);
  }

  private markBlockOf(node: Node): void {
    const parent = node.nodeType === 1 ? (node as Element) : node.parentElement;
    if (parent && !isInsideExcluded(parent, this.uiTag)) this.dirty.add(blockElementOf(parent));
  }
}

/**
 * Whether `node` is text with words in it, or an inline element whose text joins its neighbours'.
 * Whitespace joins nothing: a block put between two runs of it splits no words.
 */
function readsInline(node: Node | null): boolean {
  if (!node) return false;
  if (node.nodeType === 3) return /\S/.test((node as Text).data);
  return node.nodeType === 1 && blockElementOf(node as Element) !== node;
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
