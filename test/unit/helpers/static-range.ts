// happy-dom 20 has no StaticRange; the content code only constructs one and reads its four
// boundary fields, so a minimal stand-in is enough. Import this before using block-matches.
// Only Node-side runs of the matcher need it (the real-usage report, which writes BENCHMARKS.md,
// and the security tests' shownOn): DOM tests run in real Chromium (*.browser.test.ts).

class StaticRangeStandIn {
  readonly startContainer: Node;
  readonly startOffset: number;
  readonly endContainer: Node;
  readonly endOffset: number;
  constructor(init: StaticRangeInit) {
    this.startContainer = init.startContainer;
    this.startOffset = init.startOffset;
    this.endContainer = init.endContainer;
    this.endOffset = init.endOffset;
  }
  get collapsed(): boolean {
    return this.startContainer === this.endContainer && this.startOffset === this.endOffset;
  }
}

if (typeof (globalThis as { StaticRange?: unknown }).StaticRange !== 'function') {
  (globalThis as { StaticRange?: unknown }).StaticRange = StaticRangeStandIn;
}

export {};
