// The ladder of extension builds that bench/page-load/floor.mjs measures, each a copy of one
// whole-extension build (same manifest, background and pack) that differs in the content script only:
//   empty    — content.js is an empty file and the manifest declares no highlights.css;
//   css      — content.js empty, the manifest declaring highlights.css (as shipped before 131fbd1);
//   start    — a content script that only asks the real background for 'page/start' (the site
//              switch and the dictionary) and keeps the reply, with highlights.css;
//   off      — the real content.js with www.gov.uk switched off (set in storage after launch),
//              with highlights.css declared;
//   builtin  — the real extension, its manifest as shipped (from 131fbd1 no declared
//              highlights.css: a frame gets it at its first highlight).
// Each step adds one thing to the one before, so step minus step is what that thing costs.

import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const LADDER = [
  { name: 'none', label: 'no extension' },
  { name: 'empty', label: 'empty content.js, no highlights.css' },
  { name: 'css', label: 'empty content.js + highlights.css' },
  { name: 'start', label: "content.js that only awaits 'page/start' (+ css)" },
  { name: 'off', label: 'real content.js, site switched off (+ css)' },
  { name: 'builtin', label: 'the real extension' },
];

/**
 * The 'start' step's content script, unbundled and unminified (it is a few hundred bytes): as the
 * real one (src/content/main.ts) it asks once the page is idle, through the extension API the
 * real one ends up calling, and it answers the harness's 'page/mentions' only after the reply came,
 * so a reading is taken after the round trip. It looks at nothing in the reply but `enabled`: the
 * browser has already deserialised all of it (the dictionary included) to hand it over.
 */
const START_ONLY = `// page-load floor: sends 'page/start', awaits the reply, nothing else.
const host = location.hostname;
const started = new Promise((resolve) => {
  const begin = () => chrome.runtime.sendMessage({ call: 'page/start', payload: {} }).then(resolve, (e) => resolve({ ok: false, error: String(e) }));
  if (typeof requestIdleCallback === 'function') requestIdleCallback(begin, { timeout: 1000 });
  else setTimeout(begin, 0);
});
chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (sender.id !== chrome.runtime.id || sender.tab || message?.call !== 'page/mentions') return undefined;
  started.then((reply) => sendResponse(reply?.ok
    ? { ok: true, value: { enabled: reply.value.enabled === true, host, mentions: [] } }
    : { ok: false, error: String(reply?.error) }));
  return true;
});
`;
/** A source map with no mappings, so attribute.mjs can read the 'start' step's trace (all of it unmapped). */
const EMPTY_MAP = JSON.stringify({ version: 3, sources: [], names: [], mappings: '' });

/**
 * From `builtDir` (a whole-extension build with content.js.map, e.g. from bench-dist.mjs) makes the
 * ladder's extension directories under `root`. Returns { name: dir } for every step but 'none'.
 */
export async function buildLadder(builtDir, root) {
  const dirs = {};
  const copy = async (name) => {
    const dir = path.join(root, `floor-${name}`);
    await rm(dir, { recursive: true, force: true });
    await cp(builtDir, dir, { recursive: true });
    return (dirs[name] = dir);
  };
  const manifest = JSON.parse(await readFile(path.join(builtDir, 'manifest.json'), 'utf8'));
  if (manifest.content_scripts.length !== 1) throw new Error('floor: expected one content_scripts entry');
  const withoutCss = structuredClone(manifest);
  delete withoutCss.content_scripts[0].css;
  const withCss = structuredClone(withoutCss);
  withCss.content_scripts[0].css = ['highlights.css'];
  const declareCss = (dir) => writeFile(path.join(dir, 'manifest.json'), JSON.stringify(withCss, null, 2));

  let dir = await copy('empty');
  await writeFile(path.join(dir, 'content.js'), '');
  await writeFile(path.join(dir, 'content.js.map'), EMPTY_MAP);
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(withoutCss, null, 2));

  dir = await copy('css');
  await writeFile(path.join(dir, 'content.js'), '');
  await writeFile(path.join(dir, 'content.js.map'), EMPTY_MAP);
  await declareCss(dir);

  dir = await copy('start');
  await writeFile(path.join(dir, 'content.js'), START_ONLY);
  await writeFile(path.join(dir, 'content.js.map'), EMPTY_MAP);
  await declareCss(dir);

  await declareCss(await copy('off'));
  await copy('builtin');
  return dirs;
}

/** Switches `host` off in a launched variant, as the popup does (storage.local 'disabledHosts'). */
export async function switchSiteOff(variant, host) {
  const worker = variant.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${variant.extensionId}/`));
  if (!worker) throw new Error(`floor: no service worker for ${variant.name}`);
  await worker.evaluate(async (h) => {
    await chrome.storage.local.set({ disabledHosts: [h] });
  }, host);
}
