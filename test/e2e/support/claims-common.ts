// Shared pieces of the claim-recording and sync tests: probes that run in the page (the claim
// highlight, selecting text, a key logger), where the "Record claim" button lands, and the
// small shape each browser's driver fills in (claims-chromium.ts, claims-firefox-driver.ts).

import type { Harness, TestPage } from './harness';
import { until } from './browsers';
import { textUnderMarks, type Box } from './probes';

/** Waits until a private mark of `kind` lies over `text`, and returns its box (to hover it). */
export async function waitForPrivateMark(page: TestPage, kind: string, text: string): Promise<Box> {
  const marks = await until(() => privateMarksOf(page, kind), (m) => m.some((x) => x.text === text), `a private ${kind} mark over "${text}"`, 15_000, 100);
  return marks.find((x) => x.text === text)!.box;
}

/** A claim as the background stores it (the fields these tests look at). */
export interface StoredClaim {
  id: string;
  claimant: string | null;
  entities: string[];
  madeOn: string;
  claimType: string;
  status: string;
  deadline: string | null;
  note: string;
  tags: string[];
  pageTitle: string;
  deleted?: number;
  target: { source: string; selector: [{ exact: string; prefix: string; suffix: string }, { start: number; end: number }] };
}

/**
 * What a test needs from a browser beyond the shared Harness: real clicks, calls to the
 * background as our own extension pages make them, and the options and claims pages.
 */
export interface ClaimsDriver {
  readonly h: Harness;
  /** A real pointer click at viewport coordinates. */
  click(page: TestPage, x: number, y: number): Promise<void>;
  /** Types text with the real keyboard into whatever has focus. */
  type(page: TestPage, text: string): Promise<void>;
  /** Waits until the claim editor's frame in `page` has rendered its form (focus is then in it). */
  editorReady(page: TestPage): Promise<void>;
  /** Whether an editor frame is open in `page`. */
  editorOpen(page: TestPage): Promise<boolean>;
  /** Calls the background as an extension page does (options, claims list); throws on an error reply. */
  call<T>(name: string, payload: object): Promise<T>;
  close(): Promise<void>;
}

// ---- functions that run in the page (self-contained: serialised by the driver) ----

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Selects the text of the element matched by `selector` (as a reader's drag would leave it) and
 * returns the viewport rect of its last line box, which the record button is placed against.
 */
export function selectContents(selector: string): Rect | null {
  const el = document.querySelector(selector);
  if (!el) return null;
  el.scrollIntoView({ block: 'center' });
  const range = document.createRange();
  range.selectNodeContents(el);
  const selection = getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  const rects = range.getClientRects();
  const last = rects[rects.length - 1];
  return last ? { left: last.left, top: last.top, right: last.right, bottom: last.bottom } : null;
}

/** Selects the first occurrence of `text` inside the element matched by `selector` (one text node). */
export function selectText(arg: { selector: string; text: string }): Rect | null {
  const el = document.querySelector(arg.selector);
  if (!el) return null;
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const at = (n.textContent ?? '').indexOf(arg.text);
    if (at < 0) continue;
    (n.parentElement ?? el).scrollIntoView({ block: 'center' });
    const range = document.createRange();
    range.setStart(n, at);
    range.setEnd(n, at + arg.text.length);
    const selection = getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    const rects = range.getClientRects();
    const last = rects[rects.length - 1]!;
    return { left: last.left, top: last.top, right: last.right, bottom: last.bottom };
  }
  return null;
}

/**
 * Listens, as a page script would, for every key and input event anywhere in the page (capture
 * phase, on window and document) and keeps what it hears in window.__sfHeard.
 */
export function installKeyLogger(): void {
  const heard: string[] = ((window as unknown as { __sfHeard: string[] }).__sfHeard = []);
  for (const target of [window, document]) {
    for (const type of ['keydown', 'keypress', 'keyup', 'beforeinput', 'input', 'compositionupdate']) {
      target.addEventListener(type, (e) => {
        const k = e as KeyboardEvent & InputEvent;
        heard.push(`${type}:${k.key ?? k.data ?? ''}`);
      }, true);
    }
  }
}

export function keysHeard(): string[] {
  return (window as unknown as { __sfHeard?: string[] }).__sfHeard ?? [];
}

/** Viewport size and scroll, to aim at the record button. */
export function viewport(): { width: number; height: number } {
  return { width: document.documentElement.clientWidth || innerWidth, height: innerHeight };
}

// ---- test-side helpers ----

/**
 * Where the "Record claim" button sits for a selection whose last line box is `rect` (the same
 * arithmetic as content/selection/record-button.ts), and a point in its middle. The button is
 * inside our CLOSED shadow root, so a test cannot find it by selector: it clicks where it is drawn.
 */
export function recordButtonPoint(rect: Rect, view: { width: number; height: number }): { x: number; y: number } {
  const left = Math.round(Math.min(Math.max(8, rect.right - 40), view.width - 140));
  const top = Math.round(Math.min(rect.bottom + 8, view.height - 40));
  return { x: left + 40, y: top + 12 };
}

/**
 * The page's claims as the reader sees them: the text under the claim marks drawn in our closed
 * shadow root (never in CSS.highlights, which the page can read), in document order.
 */
export async function claimMarks(page: TestPage): Promise<{ text: string; host: string; box: Box }[]> {
  return privateMarksOf(page, 'claim');
}

/** The text under the private marks of one kind ('claim', or the reader's own 'person', 'body'…). */
export async function privateMarksOf(page: TestPage, kind: string): Promise<{ text: string; host: string; box: Box }[]> {
  const marks = (await page.privateMarks()).filter((m) => m.kind === kind);
  return marks.length === 0 ? [] : page.evaluate(textUnderMarks, marks);
}

export async function claimTexts(page: TestPage): Promise<string[]> {
  return (await claimMarks(page)).map((m) => m.text);
}

/** The id of the element that holds each claim mark (to say which sentence it is on). */
export async function claimHighlightHosts(page: TestPage): Promise<string[]> {
  return (await claimMarks(page)).map((m) => m.host);
}

/** Whether the page's own highlight registry holds any claim: it never may. */
export function claimInSharedRegistry(): boolean {
  for (const [name] of CSS.highlights as unknown as Iterable<[string, unknown]>) if (name.includes('claim')) return true;
  return false;
}

/** Waits until the page's claim highlights are exactly `texts` (document order). */
export async function waitForClaims(page: TestPage, texts: string[], timeout = 15_000): Promise<string[]> {
  return until(() => claimTexts(page), (t) => JSON.stringify(t) === JSON.stringify(texts), `claim highlights ${JSON.stringify(texts)}`, timeout, 100);
}

/**
 * Waits until the page's session is running: its scan has painted a name. (The content script
 * answers messages before its session exists, so an answer alone proves nothing; every fixture
 * of these tests names something, at least GOV.UK in its header, for this.)
 */
export async function waitForSession(page: TestPage): Promise<void> {
  await until(() => page.evaluate(countMentionHighlights), (n) => n > 0, 'the page\'s names to be highlighted', 15_000, 100);
}

/** Ranges in our entity highlights (not claims). */
export function countMentionHighlights(): number {
  let n = 0;
  for (const kind of ['initiative', 'body', 'person']) n += CSS.highlights.get(`sound-familiar-${kind}`)?.size ?? 0;
  return n;
}

/**
 * Selects with `select` (one of the page functions above) and clicks the "Record claim" button
 * where it appears. Waits for the button to have been drawn (it settles 250 ms after the
 * selection stops changing).
 */
export async function selectAndClickRecord(d: ClaimsDriver, page: TestPage, select: () => Promise<Rect | null>): Promise<void> {
  // The editor is typed into: its tab must be the focused one (an extension tab or a download may have taken focus).
  await page.bringToFront();
  const rect = await select();
  if (!rect) throw new Error('nothing to select');
  // A page script can select text too, so the button shows only for a selection that follows the
  // reader's own input. The test's selection is made by script; the reader's key press (Shift, as
  // when adjusting a selection) is what makes it theirs.
  await page.press('Shift');
  // The button's code loads on the first selection of a page (content-ui.js): the button is on
  // screen once it has loaded, and must have been for a moment before a click counts.
  await until(() => page.uiBox('.record'), Boolean, 'the record button');
  await page.evaluate(() => { (window as unknown as { __sfHeard?: string[] }).__sfHeard?.splice(0); });
  await new Promise((r) => setTimeout(r, 700));
  const point = recordButtonPoint(rect, await page.evaluate(viewport));
  await d.click(page, point.x, point.y);
}

/** Records the selection `select` makes as a claim with the editor's suggestions: button, editor, Ctrl+Enter. */
export async function recordClaim(d: ClaimsDriver, page: TestPage, select: () => Promise<Rect | null>): Promise<void> {
  await selectAndClickRecord(d, page, select);
  await d.editorReady(page);
  await page.press('Control+Enter');
  await until(() => d.editorOpen(page), (open) => !open, 'the editor to close');
}

/** The user's claims, live ones only, as the claims list gets them. */
export async function liveClaims(d: ClaimsDriver): Promise<StoredClaim[]> {
  return (await d.call<StoredClaim[]>('claims/list', {})).filter((c) => c.deleted === undefined);
}

export const QUOTE = 'My department is working with councils and the Government Digital Service to create a new vision and a call to arms on local government digital.';

/** The re-anchoring story (fixtures/claims-reanchor.html) in its three versions. */
export function reanchorVersions(v1: string): { v1: string; v2: string; v3: string } {
  const v2 = v1
    .replace('<!-- INSERT-BEFORE -->', '<p id="inserted">Update: this story was corrected on 7 February to add the cost of the work, which officers put at two hundred thousand pounds.</p>')
    .replace('met on Tuesday', 'met on Wednesday');
  const v3 = v1.replace(/<span id="promise">[^<]*<\/span> /, '');
  if (v2 === v1 || v3 === v1 || !v2.includes('Wednesday')) throw new Error('the re-anchoring fixture changed: update reanchorVersions');
  return { v1, v2, v3 };
}

export const REANCHOR_SENTENCE = 'The council will publish every contract over five thousand pounds online by March 2019.';
