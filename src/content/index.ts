// Content-script entry point: decides whether this frame is worth reading (frame-gate.ts) and
// only then starts the content script proper (main.ts). An ad slot, a tracking pixel or an empty
// frame sets up no listener, reads no setting and asks for no dictionary until it is readable.

import { whenFrameReadable } from './frame-gate';
import { run } from './main';

whenFrameReadable(window, document, new AbortController().signal, run);
