// The page text just before and after a match, for the title rules in shared/knowledge/titles.ts
// ("former Housing Secretary", "Housing Secretary Michael Gove"). Reads across inline markup
// (`former <a>Housing Secretary</a>`) but not out of the block, so the next paragraph's first
// word is never taken for a name.

const INLINE = new Set(['A', 'ABBR', 'B', 'CITE', 'EM', 'I', 'MARK', 'Q', 'S', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U']);
const REACH = 40;

export function textAround(range: AbstractRange): { before: string; after: string } {
  const start = range.startContainer;
  const end = range.endContainer;
  const before = (start.nodeType === 3 ? (start as Text).data.slice(0, range.startOffset) : '');
  const after = (end.nodeType === 3 ? (end as Text).data.slice(range.endOffset) : '');
  return {
    before: before.length >= REACH ? before.slice(-REACH) : (siblingText(start, -1) + before).slice(-REACH),
    after: after.length >= REACH ? after.slice(0, REACH) : (after + siblingText(end, 1)).slice(0, REACH),
  };
}

/** Text of the nodes beside `node` in one direction, climbing out of inline elements only. */
function siblingText(node: Node, direction: 1 | -1): string {
  let text = '';
  let at: Node | null = node;
  while (at && text.length < REACH) {
    let sibling: Node | null = direction < 0 ? at.previousSibling : at.nextSibling;
    while (sibling && text.length < REACH) {
      if (sibling.nodeType === 1 && !INLINE.has((sibling as Element).tagName)) return text;
      const t = sibling.textContent ?? '';
      text = direction < 0 ? t + text : text + t;
      sibling = direction < 0 ? sibling.previousSibling : sibling.nextSibling;
    }
    const parent: HTMLElement | null = at.parentElement;
    at = parent && INLINE.has(parent.tagName) ? parent : null;
  }
  return text;
}
