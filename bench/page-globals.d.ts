// What the benchmark's in-page harnesses (bench/page/harness.ts, build-harness.ts) put on the page's
// window, as seen by the Node runners that call them through page.evaluate. Untyped there: the
// runners are plain JavaScript and pass whatever the harness returns straight into their records.

interface Window {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the runners are untyped JavaScript
  __bench: any;
  __buildBench(entitiesJson: string, runs: number): number[];
  /** bench/page/build-compare-harness.ts: build times and a fingerprint of what was built. */
  __buildCompare(entitiesJson: string, runs: number): { times: number[]; fingerprint: string };
}
