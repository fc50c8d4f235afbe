// Content-script entry point: decides whether this frame is worth reading (frame-gate.ts) and
// only then starts the rest (main.ts). The rest is in this same bundle but initialised lazily:
// the bundler turns the dynamic import into a deferred initialisation of those modules, with no
// second file and so no web-accessible resource a page could probe. An ad slot or an empty frame
// runs almost none of the script: no browser API bindings, no listeners, no dictionary.

import { whenFrameReadable } from './frame-gate';

whenFrameReadable(window, document, new AbortController().signal, () => {
  void import('./main').then((main) => main.run());
});
