// Where content-ui.js leaves what it brings for content.js to pick up. Both run in the extension's
// isolated world (the same one in Chromium and Firefox), whose global object the page's scripts
// cannot reach. Its markup can, in Chromium, for string keys: an element with a matching id or
// name shows through (named access). A symbol key has no element that could stand in for it.

import type { UiParts } from './ui-parts';

const KEY = Symbol.for('sound-familiar/ui');

export function registerUi(parts: UiParts): void {
  Object.defineProperty(globalThis, KEY, { value: parts, configurable: true });
}

export function registeredUi(): UiParts | undefined {
  return (globalThis as { [KEY]?: UiParts })[KEY];
}
