// Content-script entry point: decides whether this frame is worth reading (frame-gate.ts) and
// only then starts the content script proper (main.ts). An ad slot, a tracking pixel or an empty
// frame sets up no listener, reads no setting and asks for no dictionary until it is readable.
// main.ts is required, not imported: the bundler then wraps it and everything only it uses in
// functions run on first need, so such a frame does not even evaluate their top-level code
// (the 64K-entry character tables, the message validators, the UI's style sheets).

import { whenFrameReadable } from './frame-gate';

whenFrameReadable(window, document, new AbortController().signal, () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('./main') as typeof import('./main')).run();
});
