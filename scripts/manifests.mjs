// Each browser's manifest.json, derived from the one source manifest (build.mjs writes them).

/**
 * Chromium wants a service worker and rejects Firefox-only keys with warnings. Its web-accessible
 * resources are reachable only through a per-session dynamic id, so a page cannot probe or frame
 * the editor by our fixed id (Firefox's ids are per install already).
 */
export function forChrome(manifest) {
  const { browser_specific_settings: _gecko, ...rest } = manifest;
  const web_accessible_resources = manifest.web_accessible_resources.map((w) => ({ ...w, use_dynamic_url: true }));
  // scripting.executeScript (the card code, loaded on first need) needs host permission; Chromium
  // does not count the content script's matches as such, Firefox does. Same sites, same warning.
  const host_permissions = manifest.content_scripts.flatMap((c) => c.matches);
  return { ...rest, host_permissions, web_accessible_resources, background: { service_worker: manifest.background.service_worker } };
}

/** Firefox runs the background as an event page from `scripts`. */
export function forFirefox(manifest) {
  return { ...manifest, background: { scripts: manifest.background.scripts } };
}
