// The life of a frame that starts quiet (content/main.ts): its page has no claims, so its text is
// first sent to be read against the dictionary ('page/dictionary'). If it could name something,
// the frame wakes at once; if not, it watches (quiet-watch.ts), and wakes when text the page adds
// could, when the reader acts, or when its address changes to one with claims (a single-page site
// moving on). Waking loads the dictionary and hands it on to start the session.

import type { Prefilter } from '../../shared/matcher/prefilter';
import type { PageDictionary } from '../../shared/page-start';
import type { ShownClaim } from '../../shared/team/team-calls';
import { watchAddress } from '../address-changes';
import { loadDictionary, type LoadedDictionary } from '../scan/loaded-dictionary';
import { UI_TAG } from '../ui/ui-root';
import { yieldToPage } from '../yield-to-page';
import { QuietWatch } from './quiet-watch';

/** What the session starts with when the frame wakes. */
export interface Awake {
  dictionary: LoadedDictionary;
  /** The verdict on the text the first scan is about to read, if the page has not changed since. */
  firstVerdict?: Prefilter;
  /** Woken by the reader's selection: the session offers to record it. */
  selectionPending?: boolean;
  /** Woken by claims found for the page at `url`: the session places these without asking again. */
  claims?: { url: string; claims: { claims: ShownClaim[]; reveal: string | null } };
}

export interface QuietDeps {
  /** Sends text (or null: "send it anyway") to the background. */
  ask(text: string | null): Promise<PageDictionary>;
  /** The page's address changed without a reload: claims may be recorded for the new one. */
  onAddressChange(): void;
  onAwake(awake: Awake): void;
}

export class QuietFrame {
  private readonly watch: QuietWatch;
  private readonly ending = new AbortController();
  private ended = false;
  /** The wakes asked for so far, one after another: true once one has woken the frame. */
  private waking: Promise<boolean> = Promise.resolve(false);

  constructor(doc: Document, private readonly deps: QuietDeps) {
    this.watch = new QuietWatch(doc, UI_TAG);
    watchAddress(doc, this.ending.signal, () => deps.onAddressChange());
  }

  /** Sends the page's text; wakes, or starts watching. */
  async begin(): Promise<void> {
    const answer = await this.deps.ask(this.watch.readText());
    if (this.ended) return;
    if (!answer.dictionary) {
      // A call that fails has already taken an orphaned script down (main.ts): nothing else to do.
      this.watch.listen({
        onText: (text) => void this.wake(text).catch(() => undefined),
        onSelection: () => void this.wake(null, { selectionPending: true }).catch(() => undefined),
      });
      return;
    }
    await yieldToPage();
    if (this.ended) return;
    const dictionary = loadDictionary(answer.dictionary);
    // In the task that starts the session's scanner, so no change can fall between the two.
    const firstVerdict = this.watch.changedSinceRead() ? undefined : answer.verdict;
    this.awake({ dictionary, firstVerdict });
  }

  /**
   * Wakes if `text` could name something, or for null (the reader acts) in any case; after any
   * wake asked for before. True if this or an earlier one woke the frame.
   */
  wake(text: string | null, why: Pick<Awake, 'selectionPending' | 'claims'> = {}): Promise<boolean> {
    const next = this.waking.then(async (woken) => {
      if (woken || this.ended) return woken;
      const answer = await this.deps.ask(text);
      if (this.ended || !answer.dictionary) return false;
      await yieldToPage();
      if (this.ended) return false;
      this.awake({ dictionary: loadDictionary(answer.dictionary), ...why });
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

  private awake(awake: Awake): void {
    this.end();
    this.deps.onAwake(awake);
  }
}
