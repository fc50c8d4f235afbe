// What every claims journey starts from: a fresh browser profile for each test (its own launch,
// its own database), so any test passes alone and in any order; the pages it serves; and the
// setup steps a test needs before its own (a claim already recorded, with a note).

import { afterEach, beforeEach, expect } from 'vitest';
import { until, waitForHighlight } from './browsers';
import { selectAndClickRecord, selectContents, waitForClaims, type Rect } from './claims-common';
import type { JourneyDriver } from './claims-journey-driver';
import type { TestPage } from './harness';
import { Site } from './site';

export const JAVID = 'https://www.gov.uk/government/news/javid-calls-for-a-new-vision-for-local-government-digital';
export const CHANGING = 'https://www.gov.uk/government/news/council-to-publish-its-spending-online';
export const LATE = 'https://www.gov.uk/government/news/digital-skills-fund-opens-to-councils';
export const SPA_ONE = 'https://www.gov.uk/spa/one';
export const SPA_TWO = 'https://www.gov.uk/spa/two';
export const ALIASES = 'https://www.gov.uk/government/news/council-leaders-question-the-minister';

export const NOTE = 'Compare the 2013 Local Digital Campaign: same promise?';
/** The sentence after the quote in the Javid story (#after). */
export const AFTER = 'Councils will be invited to help write it over the coming months, with a first draft expected next summer.';
/** Tab order through the claim form, from "Who made it" to the note, with the Javid quote's suggestions. */
export const FOCUS_ORDER = ['claimant', 'Remove Government Digital Service', 'entity-search', 'made-on', 'deadline', 'claim-type=promise', 'status', 'note'];

/** The pages every claims journey may visit, served from fixtures. */
export function claimsSite(): Site {
  return new Site()
    .fixture(JAVID, 'claims-javid.html')
    .fixture(LATE, 'claims-late.html')
    .fixture(SPA_ONE, 'claims-spa.html')
    .fixture(SPA_TWO, 'claims-spa.html')
    .fixture(ALIASES, 'claims-alias.html');
}

export interface Journey {
  readonly site: Site;
  /** This test's profile (launched before it, closed after it). */
  readonly d: JourneyDriver;
  /** Opens a tab showing `url`; after the test, its page must have raised no error. */
  open(url: string): Promise<TestPage>;
}

/**
 * A fresh profile for each test of the enclosing describe: launched before, closed after. After
 * each test, every page it opened must have raised no error (this was once a test of its own,
 * which looked at one page and only after the whole file had run).
 */
export function freshProfileEachTest(site: Site, launch: (site: Site) => Promise<JourneyDriver>): Journey {
  let d: JourneyDriver | undefined;
  let pages: { url: string; page: TestPage }[] = [];
  beforeEach(async () => {
    pages = [];
    d = await launch(site);
  });
  afterEach(async () => {
    try {
      for (const { url, page } of pages) expect(page.errors, `errors on ${url}`).toEqual([]);
    } finally {
      await d?.close();
      d = undefined;
    }
  });
  return {
    site,
    get d() {
      if (!d) throw new Error('no profile: used outside a test');
      return d;
    },
    async open(url) {
      const page = await this.d.h.open(url);
      pages.push({ url, page });
      return page;
    },
  };
}

/** Opens the Javid story and waits until its names are lit (the session is running). */
export async function openJavid(j: Journey): Promise<TestPage> {
  const page = await j.open(JAVID);
  await waitForHighlight(page, 'Sajid Javid');
  return page;
}

/**
 * Setup: records the selection `select` makes through the "Record claim" button, types `note` in
 * the editor's note (by Tab, as a reader would) and saves with Ctrl+Enter; waits for its highlight.
 */
export async function recordWithNote(j: Journey, page: TestPage, select: () => Promise<Rect | null>, quote: string, note: string): Promise<void> {
  await selectAndClickRecord(j.d, page, select);
  await j.d.editorReady(page);
  await j.d.tabTo(page, 'note');
  await j.d.type(page, note);
  await page.press('Control+Enter');
  await until(() => j.d.editorOpen(page), (open) => !open, 'the editor to close');
  await waitForClaims(page, [quote]);
}

/** Setup: the Javid quote recorded with the editor's suggestions and NOTE. */
export async function recordJavidQuote(j: Journey, page: TestPage, quote: string): Promise<void> {
  await recordWithNote(j, page, () => page.evaluate(selectContents, '#quote'), quote, NOTE);
}
