// The page's recorded claims: fetched for this URL, and fetched again when a single-page site
// changes URL. Placing them (anchoring in today's text, painting, re-anchoring late content) is
// ClaimPlacer's job, which comes with the card code: a page without claims never loads it.

import type { Claim } from '../../shared/claims/claim';
import { watchAddress } from '../address-changes';
import type { AnchoredClaim, ClaimPlacer } from './claim-placer';

export type { AnchoredClaim };

export interface ClaimLayerDeps {
  fetchClaims(url: string): Promise<{ claims: Claim[]; reveal: string | null }>;
  /** Makes the placer, loading its code: asked only once there are claims to place. */
  placer(): Promise<ClaimPlacer>;
  doc?: Document;
}

export class ClaimLayer {
  private placer: ClaimPlacer | null = null;
  /** The page's claims as last fetched: all unplaced until a placer has placed them. */
  private fetched: Claim[] = [];
  private readonly doc: Document;
  private generation = 0;

  constructor(private readonly deps: ClaimLayerDeps, private readonly signal: AbortSignal) {
    this.doc = deps.doc ?? document;
    // A single-page site moved to another story: its claims are another address's.
    watchAddress(this.doc, signal, () => void this.load().catch(() => undefined));
  }

  /** (Re)loads this page's claims and places them. */
  async load(): Promise<void> {
    const generation = ++this.generation;
    const { claims, reveal } = await this.deps.fetchClaims(this.doc.location.href);
    if (generation !== this.generation || this.signal.aborted) return;
    // Nothing placed and nothing to place: the placer's code is not needed.
    this.fetched = claims;
    if (claims.length === 0 && !this.placer) return;
    const placer = this.placer ?? (await this.deps.placer());
    if (generation !== this.generation || this.signal.aborted) return;
    this.placer = placer;
    placer.show(claims, reveal);
  }

  at(node: Node, offset: number): AnchoredClaim | undefined {
    return this.placer?.at(node, offset);
  }

  /** The claims placed on the page now, in the order they were placed (not document order). */
  placed(): readonly AnchoredClaim[] {
    return this.placer?.placed() ?? [];
  }

  unplacedClaims(): Claim[] {
    // Until the placer's code has loaded (or if it failed to), none is placed: the popup lists them
    // all rather than none, so a claim is never silently missing.
    return this.placer?.unplacedClaims() ?? [...this.fetched];
  }
}
