// Sync by export file, as a user does it: the options page's "Export file (.json)" (the real
// download, read back from disk), its file input, preview and "Import", "Undo last import", and
// deleting from the claims list. One browser profile per SyncProfile; the test file makes two.
//
// Chromium drives the extension pages with Playwright (real clicks, setInputFiles). Firefox's
// extension pages cannot be driven over WebDriver BiDi, so their DOM is driven from inside the
// page over RDP: element.click() for buttons, and the chosen file handed to the <input type=file>
// with a DataTransfer and a change event (what a file chooser does); the download itself is the
// browser's, saved by BiDi's browser.setDownloadBehavior into a folder the test reads.

import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { sleep, until } from './browsers';
import { ChromiumClaims } from './claims-chromium';
import type { ClaimsDriver } from './claims-common';
import { captureDownloads, FirefoxClaims } from './claims-firefox';
import type { TestPage } from './harness';

export interface Counts {
  new: number;
  updated: number;
  deleted: number;
  conflict: number;
  unchanged: number;
}

/** What the options page shows: the import panel's step, its summary table, and the messages. */
export interface OptionsView {
  /** "Claims"/"Entities" → counts, from the summary table (preview or done). */
  rows: Record<string, Counts>;
  /** Whether the preview's "Import" button is there. */
  canImport: boolean;
  /** The import panel's success line, or null. */
  imported: string | null;
  /** The import panel's error (role=alert), or null. */
  error: string | null;
  exportStatus: string | null;
  /** Whether "Undo last import" is offered, and the safety panel's message. */
  canUndo: boolean;
  safetyStatus: string | null;
}

/** Runs in options.html. */
export function readOptions(): OptionsView {
  const clean = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const panel = (title: string) => [...document.querySelectorAll('section.panel')].find((s) => clean(s.querySelector('h2')) === title);
  const imports = panel('Import');
  const rows: Record<string, Counts> = {};
  const table = imports?.querySelector('table.summary');
  if (table) {
    const keys = [...table.querySelectorAll('thead th')].slice(1).map((th) => clean(th) === 'in conflict' ? 'conflict' : clean(th));
    for (const tr of table.querySelectorAll('tbody tr')) {
      const cells = [...tr.querySelectorAll('td')].map((td) => Number(clean(td)));
      rows[clean(tr.querySelector('th'))] = Object.fromEntries(keys.map((k, i) => [k, cells[i]])) as unknown as Counts;
    }
  }
  const safety = panel('Safety net');
  return {
    rows,
    canImport: [...(imports?.querySelectorAll('button') ?? [])].some((b) => clean(b) === 'Import'),
    imported: clean(imports?.querySelector('.preview [role=status]')) || null,
    error: clean(imports?.querySelector('[role=alert]')) || null,
    exportStatus: clean(panel('Export')?.querySelector('[role=status]')) || null,
    canUndo: [...(safety?.querySelectorAll('button') ?? [])].some((b) => clean(b) === 'Undo last import'),
    safetyStatus: clean(safety?.querySelector('[role=status]')) || null,
  };
}

export interface ClaimsListView {
  empty: boolean;
  count: string | null;
  quotes: string[];
}

/** Runs in claims.html. */
export function readClaimsList(): ClaimsListView {
  const clean = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
  return {
    empty: !!document.getElementById('empty-heading'),
    count: clean(document.querySelector('.count')) || null,
    quotes: [...document.querySelectorAll('.claim-list blockquote')].map(clean),
  };
}

/** One browser profile, seen through its options page and claims list. */
export interface SyncProfile extends ClaimsDriver {
  /** Clicks "Export file (.json)" and returns the file the browser saved. */
  exportFile(): Promise<{ name: string; text: string }>;
  /** Chooses `file` in the import panel and waits for its preview or its error. */
  chooseImport(file: { name: string; text: string }): Promise<OptionsView>;
  /** Clicks the preview's "Import" and waits until it is done. */
  confirmImport(): Promise<OptionsView>;
  /** Clicks "Undo last import" and waits for its message. */
  undoLastImport(): Promise<OptionsView>;
  options(): Promise<OptionsView>;
  /** Opens the claims list, deletes the claim whose quote is `quote` (with its inline confirm), closes the list. */
  deleteFromList(quote: string): Promise<void>;
  /** What the claims list shows, from a freshly opened list. */
  claimsList(): Promise<ClaimsListView>;
}

const settled = (v: OptionsView) => v.canImport || v.error !== null;

export class ChromiumSync extends ChromiumClaims implements SyncProfile {
  private optionsPage: Page | null = null;
  private readonly dir = mkdtempSync(path.join(os.tmpdir(), 'sf-import-'));

  private async optionsTab(): Promise<Page> {
    if (!this.optionsPage || this.optionsPage.isClosed()) this.optionsPage = await this.openExtensionPage('options.html');
    return this.optionsPage;
  }

  async options(): Promise<OptionsView> {
    return (await this.optionsTab()).evaluate(readOptions);
  }

  async exportFile(): Promise<{ name: string; text: string }> {
    const page = await this.optionsTab();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export file (.json)' }).click()]);
    const file = await download.path();
    return { name: download.suggestedFilename(), text: readFileSync(file, 'utf8') };
  }

  async chooseImport(file: { name: string; text: string }): Promise<OptionsView> {
    const page = await this.optionsTab();
    const on = path.join(mkdtempSync(path.join(this.dir, 'f-')), file.name);
    writeFileSync(on, file.text);
    await page.locator('input[type=file]').setInputFiles(on);
    return until(() => page.evaluate(readOptions), settled, 'the import preview');
  }

  async confirmImport(): Promise<OptionsView> {
    const page = await this.optionsTab();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    return until(() => page.evaluate(readOptions), (v) => v.imported !== null || v.error !== null, 'the import to finish');
  }

  async undoLastImport(): Promise<OptionsView> {
    const page = await this.optionsTab();
    await page.getByRole('button', { name: 'Undo last import' }).click();
    return until(() => page.evaluate(readOptions), (v) => v.safetyStatus !== null, 'the undo message');
  }

  async deleteFromList(quote: string): Promise<void> {
    const list = await this.openExtensionPage('claims.html');
    try {
      const row = list.getByRole('article', { name: quote });
      await row.getByRole('button', { name: /^Delete claim: / }).click();
      await row.getByRole('group', { name: 'Delete this claim?' }).getByRole('button', { name: 'Delete claim' }).click();
      await until(() => list.getByRole('status').first().textContent(), (t) => t === 'Claim deleted.', 'the deletion');
    } finally {
      await list.close();
    }
  }

  async claimsList(): Promise<ClaimsListView> {
    const list = await this.openExtensionPage('claims.html');
    try {
      return await until(() => list.evaluate(readClaimsList), (v) => v.empty || v.count !== null, 'the claims list to load');
    } finally {
      await list.close();
    }
  }

  /** A screenshot of the options page as it is now. */
  async screenshotOptions(file: string): Promise<void> {
    const page = await this.optionsTab();
    await page.setViewportSize({ width: 900, height: 900 });
    await page.screenshot({ path: file, fullPage: true });
  }
}

export class FirefoxSync implements SyncProfile {
  private constructor(private readonly d: FirefoxClaims, private readonly downloads: string) {}

  static async attach(d: FirefoxClaims, anyPage: TestPage): Promise<FirefoxSync> {
    // A finished download opens the downloads panel, which takes the window's focus (the editor
    // typed into next would not have it); a user dismisses it, a test keeps it shut.
    await d.ext.setPref('browser.download.alwaysOpenPanel', false);
    return new FirefoxSync(d, await captureDownloads(d.h.raw(anyPage)));
  }

  get h() {
    return this.d.h;
  }

  click(page: TestPage, x: number, y: number) {
    return this.d.click(page, x, y);
  }
  type(page: TestPage, text: string) {
    return this.d.type(page, text);
  }
  editorReady(page: TestPage) {
    return this.d.editorReady(page);
  }
  editorOpen(page: TestPage) {
    return this.d.editorOpen(page);
  }
  call<T>(name: string, payload: object) {
    return this.d.call<T>(name, payload);
  }
  close() {
    return this.d.close();
  }

  private async inOptions<T>(expression: string): Promise<T> {
    await this.d.call('sync/backup', {}); // opens the options tab if it is not open yet
    return this.d.evaluateIn<T>('options.html', expression);
  }

  options(): Promise<OptionsView> {
    return this.inOptions<OptionsView>(`(${readOptions.toString()})()`);
  }

  private clickButton(file: string, label: string): Promise<boolean> {
    return this.d.evaluateIn<boolean>(file, `(() => {
      const b = [...document.querySelectorAll('button')].find((x) => (x.getAttribute('aria-label') ?? x.textContent.trim()) === ${JSON.stringify(label)} || x.textContent.trim() === ${JSON.stringify(label)});
      if (!b) return false;
      b.click();
      return true;
    })()`);
  }

  async exportFile(): Promise<{ name: string; text: string }> {
    await this.options();
    const before = new Set(readdirSync(this.downloads));
    expect(await this.clickButton('options.html', 'Export file (.json)'), 'the Export button').toBe(true);
    // Firefox writes the download to a .part file and renames it when complete.
    const name = await until(async () => readdirSync(this.downloads).find((f) => !before.has(f) && !f.endsWith('.part')) ?? null, (f) => f !== null, 'the downloaded file');
    await sleep(100);
    return { name: name!, text: readFileSync(path.join(this.downloads, name!), 'utf8') };
  }

  async chooseImport(file: { name: string; text: string }): Promise<OptionsView> {
    await this.options();
    const chose = await this.d.evaluateIn<boolean>('options.html', `(() => {
      const input = document.querySelector('input[type=file]');
      if (!input) return false;
      const files = new DataTransfer();
      files.items.add(new File([${JSON.stringify(file.text)}], ${JSON.stringify(file.name)}, { type: 'application/json' }));
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      return true;
    })()`);
    expect(chose, 'the file input').toBe(true);
    return until(() => this.options(), settled, 'the import preview');
  }

  async confirmImport(): Promise<OptionsView> {
    expect(await this.clickButton('options.html', 'Import'), 'the Import button').toBe(true);
    return until(() => this.options(), (v) => v.imported !== null || v.error !== null, 'the import to finish');
  }

  async undoLastImport(): Promise<OptionsView> {
    expect(await this.clickButton('options.html', 'Undo last import'), 'the Undo button').toBe(true);
    return until(() => this.options(), (v) => v.safetyStatus !== null, 'the undo message');
  }

  async deleteFromList(quote: string): Promise<void> {
    await this.d.openExtensionPage('claims.html');
    try {
      await until(() => this.d.evaluateIn<ClaimsListView>('claims.html', `(${readClaimsList.toString()})()`), (v) => v.quotes.includes(quote), 'the claim in the list');
      const asked = await this.d.evaluateIn<boolean>('claims.html', `(() => {
        const row = [...document.querySelectorAll('article.claim')].find((a) => a.querySelector('blockquote').textContent.replace(/\\s+/g, ' ').trim() === ${JSON.stringify(quote)});
        const del = row && [...row.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? '').startsWith('Delete claim: '));
        if (!del) return false;
        del.click();
        return true;
      })()`);
      expect(asked, 'the Delete button').toBe(true);
      await until(() => this.clickButton('claims.html', 'Delete claim'), Boolean, 'the inline confirm');
      await until(() => this.d.evaluateIn<string>('claims.html', `document.querySelector('[role=status]')?.textContent ?? ''`), (t) => t === 'Claim deleted.', 'the deletion');
    } finally {
      await this.d.closeExtensionPage('claims.html');
    }
  }

  async claimsList(): Promise<ClaimsListView> {
    await this.d.openExtensionPage('claims.html');
    try {
      return await until(() => this.d.evaluateIn<ClaimsListView>('claims.html', `(${readClaimsList.toString()})()`), (v) => v.empty || v.count !== null, 'the claims list to load');
    } finally {
      await this.d.closeExtensionPage('claims.html');
    }
  }
}
