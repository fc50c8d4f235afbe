// Where a part loaded on need (content-session.js, content-ui.js) leaves what it brings for
// content.js to pick up. All run in the extension's isolated world (the same one in Chromium and
// Firefox), whose global object the page's scripts cannot reach. Its markup can, in Chromium, for
// string keys: an element with a matching id or name shows through (named access). A symbol key
// has no element that could stand in for it.

import type { ContentPart } from '../../shared/content-parts';
import type { SessionParts } from './session-parts';
import type { UiParts } from './ui-parts';

export interface PartsByName {
  session: SessionParts;
  ui: UiParts;
}

const keyOf = (part: ContentPart) => Symbol.for(`sound-familiar/${part}`);

export function registerPart<P extends ContentPart>(part: P, parts: PartsByName[P]): void {
  Object.defineProperty(globalThis, keyOf(part), { value: parts, configurable: true });
}

export function registeredPart<P extends ContentPart>(part: P): PartsByName[P] | undefined {
  return (globalThis as Record<symbol, PartsByName[P] | undefined>)[keyOf(part)];
}
