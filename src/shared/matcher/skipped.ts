// What the matcher reads past: whitespace (normalise.ts's isWhitespace is exactly `\s` less
// U+FEFF) and the characters it drops (U+FEFF among them, and NUL, which exactChar maps to 0).
// Its own module, so that the always-loaded content script can use it without the prefilter.
// prefilter.browser.test.ts checks every code unit against charInfo's classes.

const SKIPPED_CLASS = '[\\0\\s\\u00ad\\u200b-\\u200d\\u2060]';

/** Every run of what the matcher reads past. */
export const SKIPPED = new RegExp(`${SKIPPED_CLASS}+`, 'g');

const SKIPPED_RUNS = new RegExp(`${SKIPPED_CLASS}{2,}`, 'g');

/**
 * The text less its runs of two or more skipped characters (a page's indentation, mostly), for the
 * page verdict, which ignores them all: as much as half of a big page's text, which then costs
 * nothing to send. Single spaces stay: dropping one per word costs more to do than to send.
 */
export function withoutSkippedRuns(text: string): string {
  return text.replace(SKIPPED_RUNS, '');
}
