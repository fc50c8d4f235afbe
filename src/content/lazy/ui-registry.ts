// Where content-ui.js leaves what it brings for content.js to pick up. Both run in the extension's
// isolated world (the same one in Chromium and Firefox), whose global object the page cannot see or
// write: the page can neither reach this code nor hand us a look-alike.

import type { UiParts } from './ui-parts';

const KEY = '__soundFamiliarUi';

export function registerUi(parts: UiParts): void {
  Object.defineProperty(globalThis, KEY, { value: parts, configurable: true });
}

export function registeredUi(): UiParts | undefined {
  return (globalThis as { [KEY]?: UiParts })[KEY];
}
