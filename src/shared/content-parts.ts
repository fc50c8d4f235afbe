// The content script's parts loaded on need, and their files as build.mjs writes them: the
// background injects them, and the content script asks for them by name.

/**
 * - session: the scanner, the matcher and the page features, for a frame whose page has claims or
 *   whose text could name something (content/main.ts); a page that names nothing never loads it.
 * - ui: the card, the editor frame, the record button and claim placing, on the reader's first need.
 */
export const CONTENT_PART_FILES = { session: 'content-session.js', ui: 'content-ui.js' } as const;

export type ContentPart = keyof typeof CONTENT_PART_FILES;

export function isContentPart(value: unknown): value is ContentPart {
  return value === 'session' || value === 'ui';
}
