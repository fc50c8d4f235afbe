// Times the dictionary build in the browser, where the extension runs it (the background's
// dictionary-cache.ts): the same compileDictionary the Node measure times, given the same entities.

import { compile, type DictEntity } from '../node/kb';

(globalThis as unknown as { __buildBench: unknown }).__buildBench = (entitiesJson: string, runs: number) => {
  const entities = JSON.parse(entitiesJson) as DictEntity[];
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    compile(entities);
    times.push(performance.now() - t0);
  }
  return times;
};
