// Tells when a single-page site changes the page's address without reloading: the claims layer
// fetches the new address's claims, and a quiet frame asks whether it now has any. Where the
// browser has the Navigation API, its event hears history.pushState too. Elsewhere pushState is
// invisible to an isolated content script; but a site that changes story changes the page, so the
// address is compared when the DOM changes (at most once a task). Nothing runs while the page is
// idle: no polling.

/** Calls `onChange` with the new address each time it differs from the last one seen. */
export function watchAddress(doc: Document, signal: AbortSignal, onChange: (url: string) => void): void {
  let url = doc.location.href;
  const check = () => {
    if (doc.location.href === url) return;
    url = doc.location.href;
    onChange(url);
  };
  const view = doc.defaultView;
  const navigation = (view as (Window & { navigation?: EventTarget }) | null)?.navigation;
  if (navigation) {
    navigation.addEventListener('currententrychange', check, { signal });
  } else if (doc.body) {
    let queued = false;
    const pageChanges = new MutationObserver(() => {
      if (queued) return;
      queued = true;
      setTimeout(() => {
        queued = false;
        check();
      }, 0);
    });
    pageChanges.observe(doc.body, { childList: true, subtree: true });
    signal.addEventListener('abort', () => pageChanges.disconnect(), { once: true });
  }
  view?.addEventListener('popstate', check, { signal });
}
