// The page corpus (../shared/corpus/pages: 33 real pages that mention nothing in the knowledge
// base) and the per-page check both browsers run on it.
//
// How "DOM unchanged" is judged, honestly: the pages run their own inline scripts (everything
// else is aborted), so a snapshot taken "before the extension ran" would not be comparable with
// one taken after. Instead each page is loaded twice at the same URL: once in a browser with the
// extension, once in the same browser without it, both with the same deterministic clock and
// Math.random (determinism.ts) and empty cookies and storage, and snapshotted the same time after
// their load events. The serialisations (document.documentElement.outerHTML) must be identical.
// A MutationObserver installed before the page's scripts also records any node or attribute of
// ours that came and went, which a final comparison could miss. The extension's snapshot is taken
// once its content script has answered `page/mentions`, which it does after its first full scan,
// so the scan has really happened on the page compared.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { pageMentions, sleep } from './browsers';
import { DETERMINISTIC_PAGE, RECORD_OUR_MUTATIONS } from './determinism';
import type { Harness, TestPage } from './harness';
import { highlights } from './harness';
import { corpusDir } from './paths';
import { Site } from './site';

export const CORPUS = readdirSync(corpusDir).filter((f) => f.endsWith('.html')).map((f) => f.replace(/\.html$/, '')).sort();
export const corpusUrl = (name: string) => `https://www.bbc.co.uk/news/${name}`;
export const CORPUS_INIT_SCRIPTS = [DETERMINISTIC_PAGE, RECORD_OUR_MUTATIONS];

export function corpusSite(): Site {
  const site = new Site();
  for (const name of CORPUS) site.html(corpusUrl(name), readFileSync(path.join(corpusDir, `${name}.html`)));
  return site;
}

/** Time from the first-scan answer to the snapshot; the baseline waits as long after its load. */
const SETTLE_MS = 300;

interface Snapshot {
  length: number;
  hash: string;
  ours: string[];
}

function snapshot(page: TestPage): Promise<Snapshot> {
  return page.evaluate(async () => {
    const html = document.documentElement.outerHTML;
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(html));
    const hash = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
    return { length: html.length, hash, ours: (window as unknown as { __soundFamiliarMutations?: string[] }).__soundFamiliarMutations ?? ['observer missing'] };
  });
}

/** Where two serialisations first differ, with some context, for a failure message. */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}:\n  with extension: …${a.slice(Math.max(0, i - 80), i + 120)}…\n  without:        …${b.slice(Math.max(0, i - 80), i + 120)}…`;
}

/** The distinct first lines of uncaught exceptions: how often a page's own broken timer throws varies. */
const messagesOf = (errors: string[]) => new Set(errors.map((e) => e.split('\n')[0]!));

export interface CorpusRun {
  h: Harness;
  /** A tab of `h` opened with CORPUS_INIT_SCRIPTS. */
  page: TestPage;
  /** A tab of a browser without the extension, with the same init scripts and routes. */
  baseline: TestPage;
  /** Empties cookies and storage of the given side before a load. */
  reset(side: 'extension' | 'baseline'): Promise<void>;
}

async function clearStorage(page: TestPage): Promise<void> {
  await page.evaluate(() => {
    try {
      localStorage.clear();
      sessionStorage.clear();
    } catch {
      // Opaque origins (about:blank) have no storage.
    }
  });
  page.errors.length = 0;
  page.console.length = 0;
}

/** Up to this many loads on each side while no load with the extension matches one without. */
const MAX_LOADS = 3;

/**
 * Some pages are not deterministic even with a fixed clock: async scripts whose (aborted) loads
 * race insert their tags in either order (nytimes-1 in Firefox). So the check is: some load with
 * the extension serialises exactly like some load without it. If the extension changed the DOM,
 * no pair would ever match; a racy page matches within a few loads.
 */
export async function checkCorpusPage(run: CorpusRun, name: string): Promise<void> {
  const { h, page, baseline } = run;
  const url = corpusUrl(name);
  const withExtension = new Map<string, string>(); // hash -> outerHTML of the first load
  const without = new Map<string, string>();
  const extensionErrors = new Set<string>();
  const baselineErrors = new Set<string>();
  let scanMs = 0;

  const loadWithExtension = async () => {
    await run.reset('extension');
    await clearStorage(page);
    await page.goto(url);
    const loaded = Date.now();
    const found = await pageMentions(h, page); // answers once the first scan is done
    scanMs = Math.max(scanMs, Date.now() - loaded);
    await sleep(SETTLE_MS);
    const snap = await snapshot(page);
    const state = await highlights(page);

    expect(found).toEqual({ enabled: true, host: 'www.bbc.co.uk', mentions: [] });
    expect(state.total).toBe(0);
    expect(state.registered.filter((n) => n.startsWith('sound-familiar-'))).toEqual([]);
    expect(snap.ours).toEqual([]);
    // No error from the extension's own code, and no console word from it.
    expect([...page.errors, ...page.console].filter((m) => /(chrome|moz)-extension:\/\/|sound familiar/i.test(m))).toEqual([]);
    for (const m of messagesOf(page.errors)) extensionErrors.add(m);
    // The first serialisation is kept whole, for a failure message.
    if (withExtension.size === 0) withExtension.set(snap.hash, await page.evaluate(() => document.documentElement.outerHTML));
    else if (!withExtension.has(snap.hash)) withExtension.set(snap.hash, '');
  };

  const loadWithout = async () => {
    await run.reset('baseline');
    await clearStorage(baseline);
    await baseline.goto(url);
    await sleep(scanMs + SETTLE_MS);
    const snap = await snapshot(baseline);
    expect(snap.ours).toEqual([]);
    for (const m of messagesOf(baseline.errors)) baselineErrors.add(m);
    if (without.size === 0) without.set(snap.hash, await baseline.evaluate(() => document.documentElement.outerHTML));
    else if (!without.has(snap.hash)) without.set(snap.hash, '');
  };

  const matched = () => [...withExtension.keys()].some((hash) => without.has(hash));
  await loadWithExtension();
  await loadWithout();
  for (let loads = 1; !matched() && loads < MAX_LOADS; loads++) {
    await loadWithout();
    if (!matched()) await loadWithExtension();
  }

  if (!matched()) {
    const [a] = withExtension.values();
    const [b] = without.values();
    expect.fail(`DOM differs from the page without the extension (${withExtension.size} and ${without.size} distinct serialisations) ${firstDifference(a!, b!)}`);
  }
  // Every uncaught exception on the page happens without the extension too.
  expect([...extensionErrors].filter((m) => !baselineErrors.has(m))).toEqual([]);
}
