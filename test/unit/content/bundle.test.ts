// @vitest-environment happy-dom
// The content script as the browser gets it: one bundle run in every frame of every matching page.
// Checks what that bundle carries and what it does before its frame gate has decided, by building
// it with the build's options and running it over a stub of the extension API.

import { build } from 'esbuild';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

let bundle = '';
let firefoxBundle = '';

/** As build.mjs builds content.js (minified production IIFE); Firefox's build says its `browser` is native. */
async function bundleFor(target: string, nativeBrowser: boolean): Promise<string> {
  const result = await build({
    entryPoints: ['src/content/index.ts'], bundle: true, format: 'iife', target: [target], minify: true, write: false, legalComments: 'none',
    jsx: 'automatic', jsxImportSource: 'preact', logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"', 'globalThis.SF_NATIVE_BROWSER': String(nativeBrowser) },
  });
  return result.outputFiles[0]!.text;
}

beforeAll(async () => {
  [bundle, firefoxBundle] = await Promise.all([bundleFor('chrome120', false), bundleFor('firefox140', true)]);
}, 30_000);

/**
 * Counts reads of the extension API and records every property name read on it; any property of
 * it is itself, and calling it returns it.
 */
function stubBrowser() {
  let reads = 0;
  const keys = new Set<string>();
  const api: object = new Proxy(function () {}, {
    get: (_target, key) => {
      if (typeof key === 'string') keys.add(key);
      return key === 'then' ? undefined : key === 'id' ? 'extension-id' : api;
    },
    apply: () => api,
  });
  // The namespace itself is a plain object, as the browser's is: content-runtime.ts takes nothing
  // else, since a page's element named "browser" shows through on the global in Chromium.
  const namespace = new Proxy({}, {
    get: (_target, key) => {
      if (typeof key === 'string') keys.add(key);
      return key === 'then' ? undefined : api;
    },
  });
  Object.defineProperty(globalThis, 'browser', { configurable: true, get: () => (reads++, namespace) });
  return { reads: () => reads, keys: () => [...keys] };
}

/** Runs the bundle as the content script of a subframe (not the top window) of the given size. */
function runInSubframe(width: number, height: number): void {
  const frame = Object.assign(new EventTarget(), { top: {}, innerWidth: width, innerHeight: height });
  new Function('window', bundle)(frame);
}

afterEach(() => {
  delete (globalThis as { browser?: unknown }).browser;
  document.body.innerHTML = '';
});

describe('content script bundle', () => {
  it('does not carry the background-only message tables and validators', () => {
    // Calls only our own pages make, validated only in the background.
    for (const call of ['sync/resolve', 'draft/save', 'entities/list']) expect(bundle.includes(call), call).toBe(false);
    // Calls the content script itself serves are there.
    expect(bundle.includes('page/mentions')).toBe(true);
  });

  it('carries no webextension polyfill in either browser: the content script talks to the native runtime', () => {
    // The polyfill's module name and its messages survive minification; its API tables would add ~10 KB.
    for (const text of [bundle, firefoxBundle]) {
      expect(text.includes('webextension-polyfill')).toBe(false);
      expect(text.includes('The message port closed before a response was received')).toBe(false);
      expect(text.includes('Expected at least')).toBe(false);
    }
  });

  it('leaves the card, the editor frame, the record button and claim placing to content-ui.js, loaded on first need', async () => {
    const ui = (await build({
      entryPoints: ['src/content/ui-entry.ts'], bundle: true, format: 'iife', target: ['chrome120'], minify: true, write: false, legalComments: 'none', logLevel: 'silent',
      define: { 'process.env.NODE_ENV': '"production"', 'globalThis.SF_NATIVE_BROWSER': 'false' },
    })).outputFiles[0]!.text;
    // The record button's title, the editor frame's title, and the quote selector a claim is placed by.
    for (const text of ['Record this as a claim', 'Sound Familiar: record a claim', 'TextQuoteSelector']) {
      expect(bundle.includes(text), text).toBe(false);
      expect(ui.includes(text), text).toBe(true);
    }
  });

  it('leaves the scanner, the matcher, the dictionary\'s loader and the page session to content-session.js, loaded with the dictionary', async () => {
    const session = (await build({
      entryPoints: ['src/content/session-entry.ts'], bundle: true, format: 'iife', target: ['chrome120'], minify: true, write: false, legalComments: 'none', logLevel: 'silent',
      jsx: 'automatic', jsxImportSource: 'preact',
      define: { 'process.env.NODE_ENV': '"production"', 'globalThis.SF_NATIVE_BROWSER': 'false' },
    })).outputFiles[0]!.text;
    // The matcher's table checks, the dictionary's loader, the page-date reader, and the session's own error.
    for (const text of ['node tables disagree', 'packed entities: wrong shape', 'govuk:first-published-at', 'the page session ended']) {
      expect(bundle.includes(text), text).toBe(false);
      expect(session.includes(text), text).toBe(true);
    }
    // Every page loads content.js: it stays the quiet frame's size, not the session's.
    expect(bundle.length).toBeLessThan(session.length / 2);
    // Which sentences announce something is the background's call (echo-cache.ts): its expressions
    // cost a page 5-8 ms to compile. The sentence splitter's lookahead stays in the session.
    expect(session.includes('call to arms')).toBe(false);
    expect(session.includes('(?=["\'\\u201c\\u2018(]?[A-Z0-9£])')).toBe(true);
  });

  it('starts the content script proper in a frame worth reading', () => {
    const api = stubBrowser();
    document.body.innerHTML = '<p>The Government Digital Service said</p>';
    runInSubframe(300, 250);
    expect(api.reads()).toBeGreaterThan(0);
  });

  it('reads no setting from storage: the site switch comes with the start-up message', async () => {
    const api = stubBrowser();
    document.body.innerHTML = '<p>The Government Digital Service said</p>';
    runInSubframe(300, 250);
    // It asks the background once the page is idle, and does not touch the storage API before or after.
    await vi.waitFor(() => expect(api.keys().some((k) => k === 'sendMessage' || k === 'storage')).toBe(true), { timeout: 3000 });
    await new Promise((r) => setTimeout(r, 50));
    expect(api.keys()).not.toContain('storage');
    expect(api.keys()).toContain('sendMessage');
  });
});
