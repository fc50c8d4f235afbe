// Scores shown mentions against the generated page's ground truth (paragraph id + text offsets,
// recorded when the page was generated), and finds where a page keeps its main text.

export interface TruthMention {
  p: string;
  start: number;
  end: number;
  form: string;
  alias: string;
}

export interface Accuracy {
  expected: number;
  found: number;
  truePositives: number;
  recall: number;
  precision: number;
  /** Recall per kind of mention (plain, split, possessive, typographic). */
  recallByForm: Record<string, number>;
  missed: string[];
  spurious: string[];
}

/**
 * Text offset of a boundary point inside `p`, as p.textContent counts it. Walks text nodes instead
 * of using a live Range: live Ranges left behind would slow every later DOM change (mark.js clear).
 */
function offsetIn(p: Element, node: Node, offset: number): number {
  if (node.nodeType !== 3) throw new Error('accuracy: range boundaries must be in text nodes');
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  let before = 0;
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    if (t === node) return before + offset;
    before += (t as Text).data.length;
  }
  throw new Error('accuracy: boundary outside its paragraph');
}

export function scoreMentions(shown: readonly AbstractRange[], truth: readonly TruthMention[]): Accuracy {
  const expected = new Map(truth.map((t) => [`${t.p}:${t.start}:${t.end}`, t]));
  const spurious: string[] = [];
  const hit = new Set<string>();
  for (const r of shown) {
    const p = (r.startContainer.nodeType === 1 ? (r.startContainer as Element) : r.startContainer.parentElement)?.closest('p[id]');
    const text = rangeText(r);
    if (!p) {
      spurious.push(`(outside) ${text}`);
      continue;
    }
    const key = `${p.id}:${offsetIn(p, r.startContainer, r.startOffset)}:${offsetIn(p, r.endContainer, r.endOffset)}`;
    if (expected.has(key)) hit.add(key);
    else spurious.push(`${key} ${text}`);
  }
  const byForm: Record<string, [number, number]> = {};
  const missed: string[] = [];
  for (const [key, t] of expected) {
    const f = (byForm[t.form] ??= [0, 0]);
    f[1]++;
    if (hit.has(key)) f[0]++;
    else missed.push(`${t.form}: ${t.alias}`);
  }
  const found = hit.size + spurious.length;
  return {
    expected: expected.size,
    found,
    truePositives: hit.size,
    recall: expected.size ? hit.size / expected.size : 1,
    precision: found ? hit.size / found : 1,
    recallByForm: Object.fromEntries(Object.entries(byForm).map(([k, [a, b]]) => [k, a / b])),
    missed: missed.slice(0, 8),
    spurious: spurious.slice(0, 8),
  };
}

function rangeText(r: AbstractRange): string {
  if (r.startContainer === r.endContainer) return JSON.stringify((r.startContainer as Text).data.slice(r.startOffset, r.endOffset));
  const block = r.startContainer.parentElement?.closest('p, li, div, td, h1, h2, h3, blockquote') ?? document.body;
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  let text = '';
  let inside = false;
  for (let t = walker.nextNode() as Text | null; t; t = walker.nextNode() as Text | null) {
    if (t === r.startContainer) inside = true;
    if (!inside) continue;
    const from = t === r.startContainer ? r.startOffset : 0;
    if (t === r.endContainer) return JSON.stringify(text + t.data.slice(from, r.endOffset));
    text += t.data.slice(from);
  }
  return JSON.stringify(text);
}

/** The element holding most of the page's readable text: where a feed or live blog appends more. */
export function findContainer(body: Element): Element {
  let el = body;
  for (;;) {
    const total = textLength(el);
    const child = [...el.children].find((c) => textLength(c) >= total * 0.5);
    if (!child || child.tagName === 'P') return el;
    el = child;
  }
}

function textLength(root: Element): number {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let n = 0;
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const parent = t.parentNode!.nodeName;
    if (parent !== 'SCRIPT' && parent !== 'STYLE' && parent !== 'NOSCRIPT') n += (t as Text).data.length;
  }
  return n;
}
