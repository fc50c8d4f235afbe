// The only import of webextension-polyfill: every other module gets the browser API from here,
// so tests can substitute it and Chromium/Firefox differences stay in platform/.

import type { Browser } from 'webextension-polyfill';

export type { Menus, Runtime, Tabs } from 'webextension-polyfill';

// A CommonJS require, not an ES import: for an ES import of a CommonJS module the bundler copies
// every own property of its export onto a new object, reading each one's descriptor. Where the
// browser has a native `browser` namespace (Firefox, recent Chromium) the polyfill exports that
// very object, and reading a descriptor builds that API's bindings: every API (app, i18n, storage,
// management…) was set up in every frame of every page, a few milliseconds of each page load.
// Where the native namespace is there the polyfill would only hand it back (its own test, the
// same one): then its code is not even run, which every frame of every page load pays for.
// Firefox always has it: its build defines the flag below as true (build.mjs), so the bundler
// drops the polyfill altogether, ~10 KB less for every frame to parse. Undefined (false) elsewhere.
const nativeOnly = (globalThis as { SF_NATIVE_BROWSER?: boolean }).SF_NATIVE_BROWSER === true;
const native = (globalThis as { browser?: Browser }).browser;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const browser: Browser = nativeOnly || native?.runtime?.id ? native! : (require('webextension-polyfill') as Browser);
export default browser;
