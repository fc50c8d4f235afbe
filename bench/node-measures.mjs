// Measurements that need no browser: dictionary build time in Node (what the background pays per
// knowledge-base change), the packed dictionary's size, and the content scripts' min+gzip sizes.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildDictionaries } from './fixtures.mjs';
import { contentFiles } from './page-load/content-builds.mjs';
import { median } from './stats.mjs';

const here = fileURLToPath(import.meta.url);

/**
 * Times compileDictionary in a fresh Node process per dictionary, so the first build is really
 * cold (a background service worker that restarts builds cold), then `runs` warm builds.
 */
export function dictionaryBuild(kbPath, names, runs) {
  const out = {};
  for (const name of names) {
    const json = execFileSync(process.execPath, [here, '--child', kbPath, name, String(runs)], { encoding: 'utf8', maxBuffer: 1 << 26 });
    out[name] = JSON.parse(json);
  }
  return out;
}

async function child(kbPath, name, runs) {
  const kb = await import(pathToFileURL(kbPath).href);
  const { [name]: d } = buildDictionaries(kb, [name], { compile: false });
  const times = [];
  let packed;
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    packed = kb.compile(d.entities);
    times.push(performance.now() - t0);
  }
  const json = JSON.stringify(packed);
  process.stdout.write(JSON.stringify({
    aliases: d.aliasCount,
    ...automatonCounts(packed.automaton),
    coldBuildMs: times[0],
    warmBuildMs: median(times.slice(1)),
    warmRuns: runs,
    packedBytes: json.length,
    packedGzipBytes: gzipSync(json).length,
  }));
}

/**
 * How many trie nodes and patterns a packed automaton holds, read from its layout ([width, length]
 * per table, in the order of WIDTHS in src/shared/matcher/pack.ts): table 0 is an edge count per
 * node, table 3 a node per pattern.
 */
export function automatonCounts(packedAutomaton) {
  return { patterns: packedAutomaton.layout[7], trieNodes: packedAutomaton.layout[1] };
}

/**
 * Runs the real build, then measures dist/chrome/content.js as shipped (minified) and gzipped: the
 * script every page loads. `onWake`: the same for the content scripts injected only on need
 * (content-session.js, content-ui.js), those build.mjs makes.
 */
export function contentBundleSize(repoRoot) {
  try {
    execFileSync(process.execPath, ['build.mjs'], { cwd: repoRoot, stdio: 'pipe' });
    const size = (file) => {
      const bytes = readFileSync(path.join(repoRoot, 'dist/chrome', file));
      return { file: `dist/chrome/${file}`, minBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
    };
    const onWake = contentFiles(repoRoot).filter((f) => f !== 'content.js' && existsSync(path.join(repoRoot, 'dist/chrome', f))).map(size);
    return { ...size('content.js'), onWake };
  } catch (error) {
    const e = /** @type {{ stderr?: Buffer, message?: string }} */ (error);
    return { error: String(e.stderr ?? e.message).slice(0, 500) };
  }
}

if (process.argv[2] === '--child') await child(process.argv[3], process.argv[4], Number(process.argv[5]));
