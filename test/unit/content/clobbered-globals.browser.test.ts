// A page's markup reaches the content script's global in Chromium: an element with an id or name
// shows through as a property of the same name (named access), even in the isolated world. Neither
// the runtime lookup nor the card code's registry may take such an element for ours.

import { afterEach, describe, expect, it } from 'vitest';
import { registeredPart } from '../../../src/content/lazy/part-registry';
import { runtimeId } from '../../../src/platform/content-runtime';

function idOrThrow(): string | undefined {
  try {
    return runtimeId();
  } catch {
    return 'threw';
  }
}

describe('globals a page can clobber with its markup', () => {
  afterEach(() => document.body.replaceChildren());

  it('takes no element named "browser" for the extension namespace', () => {
    document.body.innerHTML = '<form id="browser"><input name="runtime" id="page-made-id"></form>';
    // The element really does show through, or this test would prove nothing.
    expect((globalThis as { browser?: unknown }).browser).toBeInstanceOf(HTMLFormElement);
    expect(idOrThrow()).not.toBe('page-made-id');
  });

  it('takes no element named like the old registry key, or like a part\'s key, for a part loaded on need', () => {
    document.body.innerHTML = '<div id="__soundFamiliarUi"></div><iframe name="sound-familiar/ui"></iframe><iframe name="sound-familiar/session"></iframe>';
    expect((globalThis as { __soundFamiliarUi?: unknown }).__soundFamiliarUi).toBeInstanceOf(HTMLDivElement);
    expect(registeredPart('ui')).toBeUndefined();
    expect(registeredPart('session')).toBeUndefined();
  });
});
