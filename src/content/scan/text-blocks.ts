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
  /** The nodes' text joined, with a line break where a `<br>` separates two of them. */
  text: string;
}

const EXCLUDED_TAG_NAMES = [
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON',
  'CODE', 'PRE', 'KBD', 'SAMP', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'CANVAS', 'VIDEO', 'AUDIO', 'HEAD', 'TITLE',
];
const INLINE_TAG_NAMES = [
  'A', 'ABBR', 'ACRONYM', 'B', 'BDI', 'BDO', 'BIG', 'CITE', 'DATA', 'DEL', 'DFN', 'EM', 'FONT', 'I',
  'INS', 'LABEL', 'MARK', 'NOBR', 'Q', 'S', 'SMALL', 'SPAN', 'STRIKE', 'STRONG', 'SUB', 'SUP', 'TIME',
  'TT', 'U', 'VAR', 'WBR',
];
// Both cases, so `tagName` is looked up as the DOM gives it: upper case for HTML elements, lower
// case for SVG and MathML roots and in XHTML documents. Upper-casing every tag cost more.
const bothCases = (names: readonly string[]) => new Set([...names, ...names.map((n) => n.toLowerCase())]);
const EXCLUDED_TAGS = bothCases(EXCLUDED_TAG_NAMES);
const INLINE_TAGS = bothCases(INLINE_TAG_NAMES);

/** Elements whose own tag or attributes exclude them and everything inside. */
export function isExcludedElement(el: Element, uiTag: string): boolean {
  return isExcludedTag(el.tagName, uiTag) || isEditable(el);
}

/** Tags never scanned: scripts, form fields, code, media, and our own UI's host. */
function isExcludedTag(tag: string, uiTag: string): boolean {
  // Only a tag as long as ours is upper-cased to compare: most tags are ruled out by length.
  return EXCLUDED_TAGS.has(tag) || tag === uiTag || (tag.length === uiTag.length && tag.toUpperCase() === uiTag);
}

function isEditable(el: Element): boolean {
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/** The element whose text a node's text is joined with: its nearest non-inline ancestor. */
export function blockElementOf(el: Element): Element {
  let current = el;
  while (INLINE_TAGS.has(current.tagName) && current.parentElement) current = current.parentElement;
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
 * to the page. This is the scan's hot loop, so it walks text nodes only (as cheap as a walk can
 * be) and decides per parent element, cached, whether text is excluded and which block it joins.
 */
export function* textBlocks(root: Node, uiTag: string): Generator<TextBlock, void, undefined> {
  const doc = root.ownerDocument ?? (root as Document);
  // Starting inside an excluded region (a rescan of an editable area) finds nothing.
  if (isInsideExcluded(root, uiTag) || (root.nodeType !== 1 && root.nodeType !== 9 && root.nodeType !== 11)) return;

  const blockOf = blockResolver(root as ParentNode & Node, uiTag);
  const afterBreak = textsAfterLineBreaks(doc, root as ParentNode & Node);

  // The block being gathered. Its text is joined once at the end: a string built by `+=` is a
  // rope, and reading a rope a character at a time is several times slower than a flat string.
  let element: Element | null = null;
  let nodes: Text[] = [];
  let starts: number[] = [];
  let parts: string[] = [];
  let length = 0;
  let hasText = false;
  const finished = (): TextBlock => ({ element: element!, nodes, starts, text: parts.length === 1 ? parts[0]! : parts.join('') });

  let lastParent: Node | null = null;
  let lastBlock: Element | null = null;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    const parent = text.parentNode;
    if (parent !== lastParent) {
      lastParent = parent;
      lastBlock = parent && parent.nodeType === 1 ? blockOf(parent as Element) : null;
    }
    if (!lastBlock) continue; // excluded
    if (element !== lastBlock) {
      if (hasText) yield finished();
      element = lastBlock;
      nodes = [];
      starts = [];
      parts = [];
      length = 0;
      hasText = false;
    } else if (afterBreak.size > 0 && afterBreak.has(text)) {
      parts.push('\n'); // a line break keeps the words either side apart
      length++;
    }
    const data = text.data;
    nodes.push(text);
    starts.push(length);
    parts.push(data);
    length += data.length;
    if (!hasText) hasText = /\S/.test(data);
  }
  if (hasText) yield finished();
}

/**
 * For the element holding a text node: the block its text joins, or null if it is excluded.
 * The walk goes in document order, so consecutive text nodes share most of their ancestors: the
 * resolver keeps the last parent's ancestor chain with each element's answer, climbs from a new
 * parent only until it meets that chain (usually one or two steps), and decides the new elements
 * from their parent's answer. It replaced a Map of every element decided, a quarter of the walk.
 */
function blockResolver(root: ParentNode & Node, uiTag: string): (el: Element) => Element | null {
  // One query finds every editable region, instead of reading an attribute on every element.
  const editable = new Set<Element>();
  for (const el of root.querySelectorAll('[contenteditable]')) if (isEditable(el)) editable.add(el);
  /** The ancestor chain of the last element resolved, outermost first, and each one's answer. */
  const chain: Element[] = [];
  const answers: (Element | null)[] = [];
  let depth = 0;
  const climbed: Element[] = [];
  // Counts, not `array.length = n`: setting an array's length costs more than the rest of a step.
  return (el) => {
    // Climb to an element on the chain, the root, or past the top.
    let count = 0;
    let met = -1;
    let at: Element | null = el;
    climb: while (at) {
      for (let k = depth - 1; k >= 0; k--) {
        if (chain[k] === at) {
          met = k;
          break climb;
        }
      }
      climbed[count++] = at;
      if (at === root) break;
      at = at.parentElement;
    }
    // Past the top without meeting the root: under an element root, the node moved out during the
    // walk; under a document or fragment root, the outermost element starts the first block.
    if (!at && root.nodeType === 1) return null;
    let answer: Element | null | undefined = met >= 0 ? answers[met] : undefined;
    depth = met + 1;
    for (let k = count - 1; k >= 0; k--) {
      const next = climbed[k]!;
      if (answer !== null) {
        const tag = next.tagName; // read once: each DOM property read is a call into the browser
        if (isExcludedTag(tag, uiTag) || (editable.size > 0 && editable.has(next))) answer = null;
        else if (answer === undefined || !INLINE_TAGS.has(tag)) answer = next; // the root, or a block
      }
      chain[depth] = next;
      answers[depth++] = answer;
    }
    return answer ?? null;
  };
}

/** Text nodes that directly follow a `<br>` in document order. */
function textsAfterLineBreaks(doc: Document, root: ParentNode & Node): Set<Text> {
  const found = new Set<Text>();
  const breaks = root.querySelectorAll('br');
  if (breaks.length === 0) return found;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (const br of breaks) {
    walker.currentNode = br;
    const next = walker.nextNode();
    if (next) found.add(next as Text);
  }
  return found;
}

/** Moves a walker past the current node's subtree; returns the next node, or null at the end. */
export function skipSubtree(walker: TreeWalker): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    if (!walker.parentNode()) return null;
  }
}
