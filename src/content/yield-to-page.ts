// Gives the page's own tasks (input, rendering) a turn: the content script splits its long work
// (loading a large dictionary, scanning) into tasks of a few milliseconds with this between them.

export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
