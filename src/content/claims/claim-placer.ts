// The page's claims placed in today's text: anchored, painted in their own style, and re-anchored
// as late content arrives. Claims that cannot be placed are kept as unplaced, for the popup to
// list; never dropped. Loaded with the card code (content-ui.js), and only on a page that has
// claims: ClaimLayer (always loaded) fetches them and follows the page's address.

import type { Claim } from '../../shared/claims/claim';
import { anchorQuote } from '../../shared/anchoring/anchor-quote';
import { readPageText, rangeFor } from '../anchoring/page-text';
import { rangeCovers } from '../scan/range-covers';

export interface AnchoredClaim {
  claim: Claim;
  range: StaticRange;
  nodes: Set<Text>;
}

export interface ClaimPlacerDeps {
  paint(range: StaticRange): void;
  unpaint(range: StaticRange): void;
  /** Called when the claims list asked to scroll to a claim on this page. */
  reveal(claim: AnchoredClaim): void;
  uiTag: string;
  doc?: Document;
  /** How long late-arriving content is watched for claims not yet placed. */
  lateContentMs?: number;
}

export class ClaimPlacer {
  private anchored: AnchoredClaim[] = [];
  private unplaced: Claim[] = [];
  private readonly doc: Document;
  private watcher: MutationObserver | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private watchUntil = 0;

  constructor(private readonly deps: ClaimPlacerDeps, signal: AbortSignal) {
    this.doc = deps.doc ?? document;
    signal.addEventListener('abort', () => {
      this.stopWatching();
      this.clear();
    }, { once: true });
  }

  /** Replaces what is placed with `claims`, and reveals the one the claims list asked for. */
  show(claims: Claim[], reveal: string | null): void {
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

  private clear(): void {
    for (const a of this.anchored) this.deps.unpaint(a.range);
    this.anchored = [];
  }
}
