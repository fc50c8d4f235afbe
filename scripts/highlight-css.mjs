// Each browser's highlights.css, from the one source (build.mjs writes them). The source sets its
// ::highlight rules on :root, for every element to inherit (cheaper restyles in Chromium:
// src/content/highlight/highlights.css says why). Firefox does not inherit highlight styles, so
// there a rule on :root would paint nothing: its copy gives each rule to every element instead.

const ROOT_RULE = /(^|\n):root::highlight\(/g;

/**
 * @param {string} css the source stylesheet
 * @param {'chrome' | 'firefox'} browser
 * @returns {string}
 */
export function highlightStylesFor(css, browser) {
  return browser === 'firefox' ? css.replace(ROOT_RULE, '$1::highlight(') : css;
}
