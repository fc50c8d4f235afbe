// The text the first scan's walk (text-blocks.ts) would read under a root, joined with no
// separators, read in a few native calls instead of one DOM call per node: for the whole-page
// prefilter (prefilter.ts), which must see every block's text as a contiguous piece of it.
//
// textContent alone would not do: the walk skips excluded subtrees (scripts, code, buttons,
// editable regions…) and joins the text either side of one into one block, so "Local
// <code>x</code>Digital" reads "Local Digital" to the walk and "Local xDigital" to textContent.
// Here the text between excluded subtrees is read with a Range, so what they hold is left out
// and the text around them joins exactly as the walk joins it. Block boundaries and `<br>` are
// joined with nothing; the prefilter ignores whitespace for that reason.

import { excludedSelector, isExcludedElement } from './text-blocks';

/**
 * Every text node under `root` that the walk reads, in document order, concatenated; in an HTML
 * document. (A superset where the walk reads less: text directly under a document or fragment root.)
 */
export function scannedText(root: Element, uiTag: string): string {
  const candidates = root.querySelectorAll(excludedSelector(uiTag));
  let range: Range | null = null;
  let parts: string[] | null = null;
  let outermost: Element | null = null;
  for (const el of candidates) {
    // Document order: an element inside the last excluded one was left out with it. One with no
    // children (a script with a src, an input, an empty iframe) holds no text to leave out.
    if (el.firstChild === null || outermost?.contains(el) || !isExcludedElement(el, uiTag)) continue;
    if (!range) {
      range = root.ownerDocument.createRange();
      range.setStart(root, 0);
      parts = [];
    }
    range.setEndBefore(el);
    parts!.push(range.toString());
    range.setStartAfter(el);
    outermost = el;
  }
  if (!range) return root.textContent ?? '';
  range.setEnd(root, root.childNodes.length);
  parts!.push(range.toString());
  range.detach();
  return parts!.join('');
}
