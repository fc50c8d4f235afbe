// The page's recorded claims: fetched for this URL, anchored in today's text, highlighted in their
// own style, and re-anchored when late content arrives or a single-page site changes URL.
// Claims that cannot be placed are kept as unplaced, for the popup to list; never dropped.

import type { Claim } from '../../shared/claims/claim';
import { anchorQuote } from '../../shared/anchoring/anchor-quote';
import { readPageText, rangeFor } from '../anchoring/page-text';
import { rangeCovers } from '../scan/range-covers';

export interface AnchoredClaim {
  claim: Claim;
  range: StaticRange;
  nodes: Set<Text>;
}

export interface ClaimLayerDeps {
  fetchClaims(url: string): Promise<{ claims: Claim[]; reveal: string | null }>;
  paint(range: StaticRange): void;
  unpaint(range: StaticRange): void;
  /** Called when the claims list asked to scroll to a claim on this page. */
  reveal(claim: AnchoredClaim): void;
  uiTag: string;
  doc?: Document;
  /** How long late-arriving content is watched for claims not yet placed. */
  lateContentMs?: number;
}

export class ClaimLayer {
  private anchored: AnchoredClaim[] = [];
  private unplaced: Claim[] = [];
  private url: string;
  private readonly doc: Document;
  private watcher: MutationObserver | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private watchUntil = 0;
  private generation = 0;

  constructor(private readonly deps: ClaimLayerDeps, private readonly signal: AbortSignal) {
    this.doc = deps.doc ?? document;
    this.url = this.doc.location.href;
    const view = this.doc.defaultView;
    // Single-page sites change URL without reloading. Where the browser has the Navigation API,
    // its event hears history.pushState too. Elsewhere pushState is invisible to an isolated
    // content script; but a site that changes story changes the page, so the URL is compared when
    // the DOM changes (at most once a task). Nothing runs while the page is idle: no polling.
    const navigation = (view as (Window & { navigation?: EventTarget }) | null)?.navigation;
    let pageChanges: MutationObserver | null = null;
    if (navigation) {
      navigation.addEventListener('currententrychange', () => this.checkUrl(), { signal });
    } else if (this.doc.body) {
      let queued = false;
      pageChanges = new MutationObserver(() => {
        if (queued) return;
        queued = true;
        setTimeout(() => {
          queued = false;
          this.checkUrl();
        }, 0);
      });
      pageChanges.observe(this.doc.body, { childList: true, subtree: true });
    }
    view?.addEventListener('popstate', () => this.checkUrl(), { signal });
    signal.addEventListener('abort', () => {
      pageChanges?.disconnect();
      this.stopWatching();
      this.clear();
    }, { once: true });
  }

  /** (Re)loads this page's claims and places them. */
  async load(): Promise<void> {
    const generation = ++this.generation;
    const { claims, reveal } = await this.deps.fetchClaims(this.doc.location.href);
    if (generation !== this.generation || this.signal.aborted) return;
    this.clear();
    this.unplaced = claims;
    this.place();
    if (reveal) {
      const target = this.anchored.find((a) => a.claim.id === reveal);
      if (target) this.deps.reveal(target);
    }
    if (this.unplaced.length > 0) this.watchForLateContent();
  }

  at(node: Node, offset: number): AnchoredClaim | undefined {
    if (node.nodeType !== 3) return undefined;
    return this.anchored.find((a) => a.nodes.has(node as Text) && rangeCovers(a.range, node as Text, offset));
  }

  /** The claims placed on the page now, in the order they were placed (not document order). */
  placed(): readonly AnchoredClaim[] {
    return this.anchored;
  }

  unplacedClaims(): Claim[] {
    return [...this.unplaced];
  }

  private place(): void {
    if (this.unplaced.length === 0 || !this.doc.body) return;
    const page = readPageText(this.doc.body, this.deps.uiTag);
    const still: Claim[] = [];
    for (const claim of this.unplaced) {
      const [quote, position] = claim.target.selector;
      const anchor = anchorQuote(page.text, quote, position);
      const range = anchor ? rangeFor(page, anchor.start, anchor.end) : null;
      if (!anchor || !range) {
        still.push(claim);
        continue;
      }
      const nodes = new Set(page.nodes.slice(page.charNode[anchor.start]!, page.charNode[anchor.end - 1]! + 1));
      this.anchored.push({ claim, range, nodes });
      this.deps.paint(range);
    }
    this.unplaced = still;
  }

  private watchForLateContent(): void {
    this.watchUntil = performance.now() + (this.deps.lateContentMs ?? 60_000);
    if (this.watcher) return;
    this.watcher = new MutationObserver(() => {
      if (this.retryTimer !== undefined) return;
      // Coalesce: a page streaming content in triggers one re-anchoring a second at most.
      this.retryTimer = setTimeout(() => {
        this.retryTimer = undefined;
        this.place();
        if (this.unplaced.length === 0 || performance.now() > this.watchUntil) this.stopWatching();
      }, 1000);
    });
    this.watcher.observe(this.doc.body ?? this.doc.documentElement, { childList: true, subtree: true, characterData: true });
  }

  private stopWatching(): void {
    this.watcher?.disconnect();
    this.watcher = null;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  private checkUrl(): void {
    if (this.doc.location.href === this.url) return;
    this.url = this.doc.location.href;
    void this.load().catch(() => undefined);
  }

  private clear(): void {
    for (const a of this.anchored) this.deps.unpaint(a.range);
    this.anchored = [];
  }
}
