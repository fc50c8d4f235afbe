// The page-load benchmark's attribution (bench/page-load/attribute.mjs) on a synthetic trace in
// which two of our content scripts run: content.js, and content-session.js injected later. Each
// file's samples must be mapped through its own source map (the two maps send the same minified
// position to different sources), a task that only compiled or ran content-session.js is still an
// extension task, and "content.js runs" counts content.js's own evaluations.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SourceMapGenerator } from 'source-map-js';
import { afterAll, describe, expect, it } from 'vitest';

interface Attribution {
  extensionTasks: number;
  extensionTaskMs: number;
  contentScriptEvaluations: number;
  scriptRuns?: Record<string, number>;
  buckets: Record<string, number>;
  hotSpots: { where: string; ms: number }[];
}
// Plain JavaScript, imported as bench/page-load/profile.mjs and run.mjs do.
const ATTRIBUTE = '../../../bench/page-load/attribute.mjs';
const { attribute } = (await import(/* @vite-ignore */ ATTRIBUTE)) as { attribute: (events: unknown[], maps: string | Record<string, string>) => Attribution };

const EXT = 'chrome-extension://abcdef/';
const [PID, TID] = [1, 10];

/** A map sending generated line 1, column 10 (and on) to `source`. */
function mapTo(source: string): string {
  const map = new SourceMapGenerator({ file: 'x.js' });
  map.addMapping({ generated: { line: 1, column: 10 }, original: { line: 7, column: 0 }, source, name: 'fn' });
  return map.toString();
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'attribution-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(path.join(dir, 'content.js.map'), mapTo('../../src/content/index.ts'));
writeFileSync(path.join(dir, 'content-session.js.map'), mapTo('../../src/content/scan/scanner.ts'));

const frame = (url: string) => ({ functionName: 'fn', url, lineNumber: 0, columnNumber: 10, scriptId: 1 });
const NODES = [
  { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1, columnNumber: -1 } },
  { id: 2, parent: 1, callFrame: frame(`${EXT}content.js`) },
  { id: 3, parent: 1, callFrame: frame(`${EXT}content-session.js`) },
  { id: 4, parent: 1, callFrame: frame('https://www.gov.uk/page.js') },
  { id: 5, parent: 1, callFrame: { functionName: '(idle)', url: '', lineNumber: -1, columnNumber: -1 } },
];
/** Which node the profiler saw at `ts` (µs): four tasks of 1 ms, idle between them. */
function nodeAt(ts: number): number {
  if (ts >= 1100 && ts <= 1900) return 2; // task A: content.js evaluated and ran
  if (ts >= 3300 && ts <= 3900) return 3; // task B: content-session.js compiled, evaluated and ran
  if (ts >= 5100 && ts <= 5900) return 3; // task C: content-session.js ran (a later callback)
  if (ts >= 7100 && ts <= 7900) return 4; // task D: the page's own script
  return 5;
}
const x = (name: string, ts: number, dur: number, args: object = {}) => ({ ph: 'X', pid: PID, tid: TID, name, ts, dur, tdur: dur, args });
const script = (file: string) => ({ data: { url: `${EXT}${file}` } });
const times = Array.from({ length: 81 }, (_, i) => i * 100);
const events = [
  { ph: 'M', pid: PID, tid: TID, name: 'thread_name', args: { name: 'CrRendererMain' } },
  ...[1000, 3000, 5000, 7000].map((ts) => x('RunTask', ts, 1000)),
  x('EvaluateScript', 1010, 900, script('content.js')),
  x('v8.compile', 1020, 100, script('content.js')),
  x('EvaluateScript', 3005, 900, script('content-session.js')),
  x('v8.compile', 3010, 200, script('content-session.js')),
  { ph: 'P', pid: PID, tid: TID, id: '0x1', name: 'Profile', args: { data: { startTime: 0 } } },
  {
    ph: 'P', pid: PID, tid: TID, id: '0x1', name: 'ProfileChunk',
    args: { data: { cpuProfile: { nodes: NODES, samples: times.map(nodeAt) }, timeDeltas: times.map((t, i) => (i === 0 ? t : 100)) } },
  },
];

describe('attribute: every content script of ours, each through its own map', () => {
  const a = attribute(events, path.join(dir, 'content.js.map'));

  it('counts the tasks that ran or compiled content-session.js as extension tasks, not the page\'s', () => {
    expect(a.extensionTasks).toBe(3);
    expect(a.extensionTaskMs).toBeCloseTo(3, 5);
  });

  it('maps content-session.js samples through content-session.js.map, content.js samples through content.js.map', () => {
    // Task B: 7 samples after its compile; task C: 9. Task A: 9, less the one inside content.js's compile.
    expect(a.buckets['walk + match']).toBeCloseTo(1.6, 5);
    expect(a.buckets['session + start-up']).toBeCloseTo(0.8, 5);
    expect(a.hotSpots.map((h) => h.where)).toEqual(expect.arrayContaining([expect.stringMatching(/^src\/content\/scan\/scanner\.ts:7/)]));
  });

  it('counts either script\'s compile as parse/compile', () => {
    expect(a.buckets['parse/compile']).toBeCloseTo(0.3, 5);
  });

  it('counts content.js runs apart from the other scripts\' runs', () => {
    expect(a.contentScriptEvaluations).toBe(1);
    expect(a.scriptRuns).toEqual({ 'content.js': 1, 'content-session.js': 1, 'content-ui.js': 0 });
  });
});

describe('attribute: a script of ours without a map', () => {
  it('still counts its tasks, its samples under other (a page script named content.js is not ours)', () => {
    const pageScript = events.map((e) => (e.name === 'EvaluateScript' && 'ts' in e && e.ts === 1010 ? { ...e, args: { data: { url: 'https://www.gov.uk/content.js' } } } : e));
    const a = attribute(pageScript, { 'content.js': path.join(dir, 'content.js.map') });
    expect(a.extensionTasks).toBe(3);
    expect(a.buckets['walk + match']).toBe(0);
    expect(a.buckets.other).toBeGreaterThanOrEqual(1.6);
    expect(a.scriptRuns?.['content.js']).toBe(0);
  });
});
