// The page's readable text as one string, whitespace runs collapsed, with a map from every
// character back to its DOM position. Claims' selectors are offsets and quotes in this string.
// Built only when needed (a page with claims, or a selection being recorded): it costs a walk.

import { isWhitespace } from '../../shared/normalise';
import { blockElementOf, isExcludedElement, skipSubtree } from '../scan/text-blocks';

export interface PageText {
  text: string;
  nodes: Text[];
  /**
   * For character i of `text`: the index into `nodes`, and the offset within that node. A space
   * the reader sees but the DOM lacks (between blocks, at a <br>) maps to the end of the
   * previous node, one past its last character, so the mapping stays ordered.
   */
  charNode: Int32Array;
  charOffset: Int32Array;
  /** Each node's length when the text was read: tells virtual spaces apart even if the page changes. */
  nodeLength: Int32Array;
}

export function readPageText(root: Element, uiTag: string): PageText {
  const doc = root.ownerDocument;
  const nodes: Text[] = [];
  const chars: number[] = [];
  const charNode: number[] = [];
  const charOffset: number[] = [];
  let lastSpace = true;
  let lastBlock: Element | null = null;

  // A word break the reader sees but the DOM lacks, mapped to the end of the previous node.
  const virtualSpace = () => {
    if (lastSpace || nodes.length === 0) return;
    const previous = nodes.length - 1;
    chars.push(0x20);
    charNode.push(previous);
    charOffset.push(nodes[previous]!.length);
    lastSpace = true;
  };

  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let node: Node | null = walker.nextNode();
  while (node) {
    if (node.nodeType === 1) {
      if (isExcludedElement(node as Element, uiTag) && !isQuotable(node as Element)) {
        node = skipSubtree(walker);
        continue;
      }
      if ((node as Element).tagName.toUpperCase() === 'BR') virtualSpace();
    } else {
      const text = node as Text;
      const block = text.parentElement ? blockElementOf(text.parentElement) : null;
      // Text in different blocks reads as separate words even where the HTML has no space.
      if (block !== lastBlock) virtualSpace();
      const index = nodes.length;
      nodes.push(text);
      lastBlock = block;
      const data = text.data;
      for (let i = 0; i < data.length; i++) {
        const c = data.charCodeAt(i);
        const space = isWhitespace(c);
        if (space && lastSpace) continue;
        chars.push(space ? 0x20 : c);
        charNode.push(index);
        charOffset.push(i);
        lastSpace = space;
      }
    }
    node = walker.nextNode();
  }
  let text = '';
  for (let i = 0; i < chars.length; i += 8192) text += String.fromCharCode(...chars.slice(i, i + 8192));
  return { text, nodes, charNode: Int32Array.from(charNode), charOffset: Int32Array.from(charOffset), nodeLength: Int32Array.from(nodes, (n) => n.length) };
}

/** Code and preformatted text are skipped by the name scanner but may well be quoted. */
function isQuotable(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  return tag === 'CODE' || tag === 'PRE' || tag === 'KBD' || tag === 'SAMP';
}

const isVirtual = (page: PageText, i: number) => page.charOffset[i]! >= page.nodeLength[page.charNode[i]!]!;

/** A DOM range for text[start, end), or null if the nodes have changed since the text was read. */
export function rangeFor(page: PageText, start: number, end: number): StaticRange | null {
  if (start < 0 || end > page.text.length || start >= end) return null;
  // Virtual spaces at the edges are not in the DOM: leave them out of the range.
  while (start < end && isVirtual(page, start)) start++;
  while (end > start && isVirtual(page, end - 1)) end--;
  if (start >= end) return null;
  const startNode = page.nodes[page.charNode[start]!]!;
  const endNode = page.nodes[page.charNode[end - 1]!]!;
  const startOffset = page.charOffset[start]!;
  const endOffset = page.charOffset[end - 1]! + 1;
  if (!startNode.isConnected || !endNode.isConnected || startOffset > startNode.length || endOffset > endNode.length) return null;
  return new StaticRange({ startContainer: startNode, startOffset, endContainer: endNode, endOffset });
}

/**
 * The text offset of a DOM boundary point: the first character at or after it. Element
 * boundaries (a triple-click selects whole paragraphs) are resolved to the text that follows.
 */
export function offsetOf(page: PageText, container: Node, offset: number): number {
  const doc = container.ownerDocument!;
  let node: Node | null = container;
  let within = offset;
  if (container.nodeType !== 3) {
    // The boundary sits before child `offset`: find the first text node from there on.
    const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, NodeFilter.SHOW_TEXT);
    const child = container.childNodes[offset];
    walker.currentNode = child ?? container;
    node = child && child.nodeType === 3 ? child : child ? walker.nextNode() : nextTextAfter(walker, container);
    within = 0;
  }
  const index = node ? nodeIndex(page).get(node as Text) ?? -1 : -1;
  if (index < 0) return node ? nearestIndexAfter(page, node) : page.text.length;
  return firstCharAtOrAfter(page, index, within);
}

const indexes = new WeakMap<PageText, Map<Text, number>>();

/** Node → its index in page.nodes, built once per page text: capture asks for every mention. */
function nodeIndex(page: PageText): Map<Text, number> {
  let map = indexes.get(page);
  if (!map) indexes.set(page, (map = new Map(page.nodes.map((n, i) => [n, i]))));
  return map;
}

function nextTextAfter(walker: TreeWalker, container: Node): Node | null {
  // Past the last child: the next text node after the container's subtree.
  walker.currentNode = container;
  let last: Node = container;
  while (last.lastChild) last = last.lastChild;
  walker.currentNode = last;
  return walker.nextNode();
}

function nearestIndexAfter(page: PageText, node: Node): number {
  // A node not in the page text (inside an excluded element): take the next one that is.
  for (let i = 0; i < page.nodes.length; i++) {
    if (node.compareDocumentPosition(page.nodes[i]!) & Node.DOCUMENT_POSITION_FOLLOWING) return firstCharAtOrAfter(page, i, 0);
  }
  return page.text.length;
}

function firstCharAtOrAfter(page: PageText, nodeIndex: number, within: number): number {
  let lo = 0;
  let hi = page.text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const n = page.charNode[mid]!;
    if (n < nodeIndex || (n === nodeIndex && page.charOffset[mid]! < within)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
