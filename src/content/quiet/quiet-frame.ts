// The life of a frame that starts quiet (content/main.ts): its page has no claims, so its text is
// first sent to be read against the dictionary ('page/dictionary'). If it could name something,
// the frame wakes at once; if not, it watches (quiet-watch.ts), and wakes when text the page adds
// could, when the reader acts, or when its address changes to one with claims (a single-page site
// moving on). Waking loads the dictionary (with the session's code: deps.load) and hands it on to
// start the session.

import type { PackedDictionary } from '../../shared/dictionary';
import type { Prefilter } from '../../shared/matcher/prefilter';
import type { PageDictionary } from '../../shared/page-start';
import type { ShownClaim } from '../../shared/team/team-calls';
import { watchAddress } from '../address-changes';
import { UI_TAG } from '../ui/ui-root';
import { QuietWatch } from './quiet-watch';

/** What the session starts with when the frame wakes; `D` is the dictionary as deps.load gives it. */
export interface Awake<D> {
  dictionary: D;
  /** The verdict on the text the first scan is about to read, if the page has not changed since. */
  firstVerdict?: Prefilter;
  /** Woken by the reader's selection, made with a gesture at this time (performance.now()): the session offers to record it. */
  selectionAt?: number;
  /** Woken by claims found for the page at `url`: the session places these without asking again. */
  claims?: { url: string; claims: { claims: ShownClaim[]; reveal: string | null } };
}

export interface QuietDeps<D> {
  /** Sends text (or null: "send it anyway") to the background. */
  ask(text: string | null): Promise<PageDictionary>;
  /** Loads the dictionary the background sent, in a task of its own (the browser parses a large message in one). */
  load(packed: PackedDictionary): Promise<D>;
  /** The page's address changed without a reload: claims may be recorded for the new one. */
  onAddressChange(): void;
  onAwake(awake: Awake<D>): void;
  /**
   * deps.load failed (the session's code refused, say): the page's own changes wake nothing more.
   * Told here only, once, while the frame runs: the wake that asked is answered "not woken".
   */
  onRefused(error: unknown): void;
  /**
   * A wake that no caller waits for (text the page added, the reader's selection) failed: the
   * check could not be sent, or the session did not start. Told here, or nobody would hear of it.
   */
  onError(error: unknown): void;
}

export class QuietFrame<D> {
  private readonly watch: QuietWatch;
  private readonly ending = new AbortController();
  private ended = false;
  /** The wakes asked for so far, one after another: true once one has woken the frame. */
  private waking: Promise<boolean> = Promise.resolve(false);
  /**
   * The last load failed. Until one succeeds, what the page adds sends nothing: each try would
   * fetch the whole dictionary again to fail again. The reader's own acts, an address change and
   * a refresh still try.
   */
  private refused = false;

  constructor(doc: Document, private readonly deps: QuietDeps<D>) {
    this.watch = new QuietWatch(doc, UI_TAG);
    watchAddress(doc, this.ending.signal, () => deps.onAddressChange());
  }

  /**
   * Sends the page's text; wakes, or starts watching. The first link of the wakes' chain: the
   * reader acting meanwhile waits for its answer rather than loading (and failing) alongside it.
   */
  begin(): Promise<void> {
    const first = this.readAndAsk();
    this.waking = first.catch(() => false);
    return first.then(() => undefined);
  }

  /** begin()'s work; true if it woke the frame. */
  private async readAndAsk(): Promise<boolean> {
    const text = this.watch.readText();
    let answer: Awaited<ReturnType<QuietFrame<D>['fetchDictionary']>>;
    try {
      answer = await this.fetchDictionary(text);
    } catch {
      // The background restarting, say: the whole page is read again at the watch's next flush.
      this.watch.unread();
      answer = null;
    }
    if (this.ended) return false;
    if (!answer) {
      this.watch.listen({
        onText: (changed) => (this.refused ? Promise.resolve() : this.wake(changed).catch((error) => this.deps.onError(error))),
        onSelection: (at) => void this.wake(null, { selectionAt: at }).catch((error) => this.deps.onError(error)),
      });
      return false;
    }
    // The verdict holds for the text sent, as it was then. Where none was sent (too long, not
    // HTML), or the page changed since (checked in the task that starts the session's scanner),
    // the first scan reads for itself.
    const firstVerdict = text !== null && !this.watch.changedSinceRead() ? answer.verdict : undefined;
    this.awake({ dictionary: answer.dictionary, firstVerdict });
    return true;
  }

  /**
   * Wakes if `text` could name something, or for null (the reader acts) in any case; after any
   * wake asked for before. True if this or an earlier one woke the frame; false if the load was
   * refused (told to deps.onRefused, so not thrown: the caller would report it again).
   */
  wake(text: string | null, why: Pick<Awake<D>, 'selectionAt' | 'claims'> = {}): Promise<boolean> {
    const next = this.waking.then(async (woken) => {
      if (woken || this.ended) return woken;
      const answer = await this.fetchDictionary(text);
      if (this.ended || !answer) return false;
      this.awake({ dictionary: answer.dictionary, ...why });
      return true;
    });
    this.waking = next.catch(() => false);
    return next;
  }

  /** Stops watching: the frame woke, or its run ended. */
  end(): void {
    this.ended = true;
    this.ending.abort();
    this.watch.dispose();
  }

  /**
   * The dictionary, loaded, if the text could name something; null if not, if its load was refused,
   * or if the frame ended meanwhile (a check that failed then included: whatever ended the frame,
   * a switch, a restart or the extension gone, starts afresh). Throws if the check failed before.
   */
  private async fetchDictionary(text: string | null): Promise<{ dictionary: D; verdict: Prefilter } | null> {
    let answer: PageDictionary;
    try {
      answer = await this.deps.ask(text);
    } catch (error) {
      if (this.ended) return null;
      throw error;
    }
    if (this.ended || !answer.dictionary) return null;
    let dictionary: D;
    try {
      dictionary = await this.deps.load(answer.dictionary);
    } catch (error) {
      this.refused = true;
      // After the end, whatever ended the frame starts afresh, and asks (and reports) for itself.
      if (!this.ended) this.deps.onRefused(error);
      return null;
    }
    this.refused = false;
    if (this.ended) return null;
    return { dictionary, verdict: answer.verdict };
  }

  private awake(awake: Awake<D>): void {
    this.end();
    this.deps.onAwake(awake);
  }
}
