// The card code's file name, as build.mjs writes it and both sides load it (no browser API here,
// so the content script can import it without the polyfill).
export const CONTENT_UI_FILE = 'content-ui.js';
