// Init scripts for comparing two loads of the same page: they run in the page's main world before
// its own scripts. (Content scripts live in an isolated world with their own Date and Math, so
// the extension is not affected.)

/**
 * The same clock and the same "random" numbers on every load. Without it, pages that stamp
 * Date.now() into a cache-busting URL (herald-sun-1) or draw random ids serialise differently on
 * every load, with or without the extension.
 */
export const DETERMINISTIC_PAGE = `(() => {
  let seed = 20240601;
  Math.random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  const RealDate = Date;
  let now = 1717236000000;
  const fakeNow = () => (now += 1);
  class FixedDate extends RealDate {
    constructor(...args) { if (args.length === 0) super(fakeNow()); else super(...args); }
    static now() { return fakeNow(); }
  }
  window.Date = FixedDate;
})();`;

/**
 * Records DOM mutations that involve anything of ours: an element named sound-familiar-*, or an
 * attribute or class containing "sound-familiar". On a page with nothing to find the extension
 * must not touch the DOM at all, not even briefly (a node added and removed again would leave the
 * final serialisation unchanged, so this catches what a before/after comparison cannot).
 */
export const RECORD_OUR_MUTATIONS = `(() => {
  const seen = (window.__soundFamiliarMutations = []);
  const ours = (node) => node && node.nodeType === 1 && /^sound-familiar/i.test(node.nodeName);
  const start = () => {
    new MutationObserver((records) => {
      for (const r of records) {
        if (ours(r.target)) seen.push('inside ' + r.target.nodeName);
        for (const n of r.addedNodes) if (ours(n)) seen.push('added ' + n.nodeName);
        for (const n of r.removedNodes) if (ours(n)) seen.push('removed ' + n.nodeName);
        if (r.type === 'attributes' && (/sound-familiar/i.test(r.attributeName || '') || /sound-familiar/i.test(r.target.getAttribute?.(r.attributeName) || ''))) {
          seen.push('attribute ' + r.attributeName + ' on ' + r.target.nodeName);
        }
      }
    }).observe(document, { childList: true, subtree: true, attributes: true });
  };
  start();
})();`;

