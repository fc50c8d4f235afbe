// Times the dictionary build in the browser for bench/build-compare.mjs, and fingerprints what it
// built, so the old and new code's outputs can be compared in the same tab run (the harness is
// bundled once against each source tree).

import { compile, type DictEntity } from '../node/kb';

/** FNV-1a over the UTF-16 units of the whole compiled dictionary as JSON: equal outputs, equal hashes. */
function fingerprint(value: unknown): string {
  const text = JSON.stringify(value);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `${text.length}-${(h >>> 0).toString(16)}`;
}

(globalThis as unknown as { __buildCompare: unknown }).__buildCompare = (entitiesJson: string, runs: number) => {
  const entities = JSON.parse(entitiesJson) as DictEntity[];
  const times: number[] = [];
  let out: unknown;
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    out = compile(entities);
    times.push(performance.now() - t0);
  }
  return { times, fingerprint: fingerprint(out) };
};
