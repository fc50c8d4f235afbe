// The highlight styles (highlights.css) come to a frame only when it first registers a public
// highlight: its ::highlight rules make every full restyle of a page dearer (up to 1.9x CPU on the
// corpus pages in Chromium, with the rules on :root; highlights.css says more) for as long as it
// is open, and adding them to a loaded page costs a restyle or two; most pages name nothing we
// know. The content script asks the background ('page/styles'), which adds the file to this
// frame alone with insertCSS (platform/highlight-styles.ts); the page cannot see that stylesheet.
// Once per document.

import { extensionURL } from '../../platform/content-runtime';
import { isUnderOrigin } from '../../platform/own-page';

/** What the Highlighter writes to: the page's CSS.highlights, or that registry asking for the styles first. */
export type HighlightSink = Pick<HighlightRegistry, 'set' | 'delete'>;

/** `registry`, calling `needStyles` as each highlight goes in (before the frame can paint it). */
export function styledRegistry(registry: HighlightSink, needStyles: () => void): HighlightSink {
  return {
    set: (name, highlight) => (needStyles(), registry.set(name, highlight)),
    delete: (name) => registry.delete(name),
  };
}

/**
 * Asks for the styles on the first call and not again (sessions restart, the stylesheet stays);
 * after a failed ask the next call asks again. Our welcome page runs content.js as its own script
 * and links highlights.css itself: there nothing is asked (`ownPage`).
 */
export function stylesRequester(askBackground: () => Promise<unknown>, ownPage: () => boolean = onOwnPage): () => void {
  let asked = false;
  return () => {
    if (asked) return;
    asked = true;
    if (ownPage()) return;
    askBackground().catch(() => (asked = false));
  };
}

function onOwnPage(): boolean {
  return isUnderOrigin(location.href, extensionURL(''));
}
