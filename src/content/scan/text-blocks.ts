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

/**
 * A selector for every element isExcludedElement may exclude (it may select more, e.g.
 * `contenteditable="false"`: callers check each with isExcludedElement). Built from the same
 * lists, so the whole-page prefilter (scanned-text.ts) leaves out what the walk leaves out.
 */
export function excludedSelector(uiTag: string): string {
  // Lower case only: in an HTML document a type selector matches HTML elements in any case, and
  // the parser gives SVG and MathML elements these names in lower case. (Only an element made by
  // createElementNS with an upper-case name escapes it; listing both cases doubled the query's cost.)
  return [...EXCLUDED_TAG_NAMES.map((t) => t.toLowerCase()), CSS.escape(uiTag.toLowerCase()), '[contenteditable]'].join(',');
}

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
 * to the page. This is the scan's hot loop. It walks elements and text depth first, deciding
 * each element once as it enters it (excluded: skipped whole, unread; inline: joins its parent's
 * block; otherwise a block of its own) and keeping its parent's answer on a stack, so no text
 * node climbs its ancestors: every call into the DOM costs, and climbing was most of the walk.
 */
export function* textBlocks(root: Node, uiTag: string): Generator<TextBlock, void, undefined> {
  const doc = root.ownerDocument ?? (root as Document);
  // Starting inside an excluded region (a rescan of an editable area) finds nothing.
  if (isInsideExcluded(root, uiTag) || (root.nodeType !== 1 && root.nodeType !== 9 && root.nodeType !== 11)) return;

  // One query finds every editable region, instead of reading an attribute on every element.
  const editable = new Set<Element>();
  for (const el of (root as ParentNode).querySelectorAll('[contenteditable]')) if (isEditable(el)) editable.add(el);
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

  // `block`: the block the current node's text joins; undefined directly under a document or
  // fragment root (text there is not read; the outermost element starts the first block).
  let block: Element | undefined = root.nodeType === 1 ? (root as Element) : undefined;
  const outer: (Element | undefined)[] = [];
  let depth = 0;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let node = walker.firstChild();
  while (node) {
    if (node.nodeType === 3) {
      if (block) {
        const text = node as Text;
        if (element !== block) {
          if (hasText) yield finished();
          element = block;
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
    } else {
      const el = node as Element;
      const tag = el.tagName; // read once: each DOM property read is a call into the browser
      if (!isExcludedTag(tag, uiTag) && !(editable.size > 0 && editable.has(el))) {
        const child = walker.firstChild();
        if (child) {
          outer[depth++] = block;
          if (block === undefined || !INLINE_TAGS.has(tag)) block = el;
          node = child;
          continue;
        }
      }
    }
    // Next: the next sibling, or the next sibling of the nearest ancestor that has one.
    node = walker.nextSibling();
    while (!node && depth > 0) {
      walker.parentNode();
      block = outer[--depth];
      node = walker.nextSibling();
    }
  }
  if (hasText) yield finished();
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
