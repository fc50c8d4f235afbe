// Walks a subtree's visible text as blocks: text joined across inline elements (so
// `Local Digital <strong>Coalition</strong>` reads as one phrase) and cut at block boundaries
// (so no match spans two paragraphs). Excluded subtrees (scripts, form fields, editable regions,
// our own UI) are skipped whole. It reads the DOM and never changes it.

/** A run of text nodes that reads as one piece of prose. */
export interface TextBlock {
  /** The nearest block-level ancestor the text belongs to. */
  element: Element;
  nodes: Text[];
  /** `starts[i]` is where nodes[i] begins in `text`. */
  starts: number[];
  text: string;
}

const EXCLUDED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON',
  'CODE', 'PRE', 'KBD', 'SAMP', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'CANVAS', 'VIDEO', 'AUDIO', 'HEAD', 'TITLE',
]);

const INLINE_TAGS = new Set([
  'A', 'ABBR', 'ACRONYM', 'B', 'BDI', 'BDO', 'BIG', 'CITE', 'DATA', 'DEL', 'DFN', 'EM', 'FONT', 'I',
  'INS', 'LABEL', 'MARK', 'NOBR', 'Q', 'S', 'SMALL', 'SPAN', 'STRIKE', 'STRONG', 'SUB', 'SUP', 'TIME',
  'TT', 'U', 'VAR', 'WBR',
]);

/** Elements whose own tag or attributes exclude them and everything inside. */
export function isExcludedElement(el: Element, uiTag: string): boolean {
  const tag = el.tagName.toUpperCase();
  if (EXCLUDED_TAGS.has(tag) || tag === uiTag) return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/** The element whose text a node's text is joined with: its nearest non-inline ancestor. */
export function blockElementOf(el: Element): Element {
  let current = el;
  while (INLINE_TAGS.has(current.tagName.toUpperCase()) && current.parentElement) current = current.parentElement;
  return current;
}

/** True if `node` or an ancestor is excluded from scanning. */
export function isInsideExcluded(node: Node, uiTag: string): boolean {
  for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (isExcludedElement(el, uiTag)) return true;
  }
  return false;
}

/**
 * Yields `root`'s text as blocks, one at a time, so a caller can stop between blocks and yield
 * to the page.
 */
export function* textBlocks(root: Node, uiTag: string): Generator<TextBlock, void, undefined> {
  const doc = root.ownerDocument ?? (root as Document);
  const blockCache = new Map<Element, Element>();
  const blockOf = (el: Element): Element => {
    let found = blockCache.get(el);
    if (!found) {
      found = INLINE_TAGS.has(el.tagName.toUpperCase()) && el.parentElement && el !== root ? blockOf(el.parentElement) : el;
      blockCache.set(el, found);
    }
    return found;
  };

  // Starting inside an excluded region (a rescan of an editable area) finds nothing.
  if (isInsideExcluded(root, uiTag)) return;

  let current: TextBlock | null = null;

  // SHOW_ELEMENT lets us skip excluded subtrees whole and see <br>; a JS filter would cost more.
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let node: Node | null = walker.nextNode();
  while (node) {
    if (node.nodeType === 1) {
      const el = node as Element;
      if (isExcludedElement(el, uiTag)) {
        node = skipSubtree(walker);
        continue;
      }
      if (el.tagName.toUpperCase() === 'BR' && current) current.text += '\n';
    } else {
      const text = node as Text;
      const parent = text.parentElement;
      if (parent) {
        const block = blockOf(parent);
        if (!current || current.element !== block) {
          if (current && /\S/.test(current.text)) yield current;
          current = { element: block, nodes: [], starts: [], text: '' };
        }
        current.nodes.push(text);
        current.starts.push(current.text.length);
        current.text += text.data;
      }
    }
    node = walker.nextNode();
  }
  if (current && /\S/.test(current.text)) yield current;
}

/** Moves a walker past the current node's subtree; returns the next node, or null at the end. */
export function skipSubtree(walker: TreeWalker): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    if (!walker.parentNode()) return null;
  }
}
