// A fresh element to render Preact components into for each test, unmounted and removed after it.
import { render } from 'preact';
import { afterEach, beforeEach } from 'vitest';

/** Registers per-test setup and teardown; call `root()` inside a test for the current element. */
export function useMountRoot(): () => HTMLElement {
  let root: HTMLElement | undefined;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    if (!root) return;
    render(null, root);
    root.remove();
    root = undefined;
  });
  return () => root!;
}
