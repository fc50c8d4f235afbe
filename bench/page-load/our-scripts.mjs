// Our content scripts as a trace names them, and the source maps that turn their minified frames
// back into source positions. Three files of ours can run in a page's isolated world: content.js
// (always), content-session.js (injected when the page wakes) and content-ui.js (injected on the
// reader's first interaction). A build has whichever its build.mjs makes; each has its own map.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SourceMapConsumer } from 'source-map-js';

/** The always-loaded script first, then the ones the background injects on need. */
export const CONTENT_SCRIPTS = ['content.js', 'content-session.js', 'content-ui.js'];

/** Which of our content scripts a trace's script URL is (its file name), or null for anything else. */
export function ourScript(url) {
  if (typeof url !== 'string' || !url.startsWith('chrome-extension://')) return null;
  const file = url.slice(url.lastIndexOf('/') + 1);
  return CONTENT_SCRIPTS.includes(file) ? file : null;
}

/** The script a trace event (EvaluateScript, v8.compile) is about, or null if not one of ours. */
export const eventScript = (e) => ourScript(e.args?.data?.url ?? e.args?.fileName);

/**
 * The map files of a build: `maps` is the unpacked extension's directory (each script's
 * `<file>.map` beside it, where there is one), the path of its content.js.map (as callers gave
 * before the split: the others are looked for beside it), or already { 'content.js': mapPath, … }.
 */
function mapFiles(maps) {
  if (typeof maps !== 'string') return maps;
  const dir = maps.endsWith('.map') ? path.dirname(maps) : maps;
  return Object.fromEntries(CONTENT_SCRIPTS.map((f) => [f, path.join(dir, `${f}.map`)]).filter(([, p]) => existsSync(p)));
}

/**
 * A function from a profile call frame in one of our scripts to its source position
 * ({ source, line, name }), through that script's own map; all nulls if the script has no map.
 */
export function sourcePositions(maps) {
  const consumers = new Map(Object.entries(mapFiles(maps)).map(([f, p]) => [f, new SourceMapConsumer(JSON.parse(readFileSync(p, 'utf8')))]));
  const cache = new Map();
  return (frame) => {
    const script = ourScript(frame.url);
    const key = `${script}:${frame.lineNumber}:${frame.columnNumber}`;
    if (!cache.has(key)) {
      const consumer = consumers.get(script);
      cache.set(key, consumer ? consumer.originalPositionFor({ line: frame.lineNumber + 1, column: frame.columnNumber }) : { source: null, line: null, name: null });
    }
    return cache.get(key);
  };
}
