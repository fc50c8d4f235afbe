// The only import of webextension-polyfill: every other module gets the browser API from here,
// so tests can substitute it and Chromium/Firefox differences stay in platform/.

import browser from 'webextension-polyfill';

export type { Menus, Runtime, Tabs } from 'webextension-polyfill';
export default browser;
