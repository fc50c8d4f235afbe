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

/**
 * The distinct first lines of uncaught exceptions, for comparing two loads. Distinct, because how
 * often a page's own broken timer throws in a given window varies from load to load.
 */
const messagesOf = (errors: string[]) => [...new Set(errors.map((e) => e.split('\n')[0]!))].sort();

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

export async function checkCorpusPage(run: CorpusRun, name: string): Promise<void> {
  const { h, page, baseline } = run;
  const url = corpusUrl(name);

  await run.reset('extension');
  await clearStorage(page);
  await page.goto(url);
  const loaded = Date.now();
  const found = await pageMentions(h, page); // answers once the first scan is done
  const scanMs = Date.now() - loaded;
  await sleep(SETTLE_MS);
  const withExtension = await snapshot(page);
  const state = await highlights(page);

  let without: Snapshot | undefined;
  // A second plain load if the first differs, in case the page itself raced (a timer firing on
  // either side of the snapshot).
  for (let attempt = 0; attempt < 2 && without?.hash !== withExtension.hash; attempt++) {
    await run.reset('baseline');
    await clearStorage(baseline);
    await baseline.goto(url);
    await sleep(scanMs + SETTLE_MS);
    without = await snapshot(baseline);
  }

  expect(found).toEqual({ enabled: true, host: 'www.bbc.co.uk', mentions: [] });
  expect(state.total).toBe(0);
  expect(state.registered.filter((n) => n.startsWith('sound-familiar-'))).toEqual([]);
  expect(withExtension.ours).toEqual([]);
  expect(without!.ours).toEqual([]);

  if (without!.hash !== withExtension.hash) {
    const a = await page.evaluate(() => document.documentElement.outerHTML);
    const b = await baseline.evaluate(() => document.documentElement.outerHTML);
    expect.fail(`DOM differs from the page without the extension ${firstDifference(a, b)}`);
  }

  // Errors: none from the extension's code, and none that the page does not raise on its own.
  const fromExtension = [...page.errors, ...page.console].filter((m) => /(chrome|moz)-extension:\/\/|sound familiar/i.test(m));
  expect(fromExtension).toEqual([]);
  expect(messagesOf(page.errors)).toEqual(messagesOf(baseline.errors));
}
