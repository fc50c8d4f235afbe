// Claims: the reader's recorded claims on this page, anchored in today's text, painted privately,
// each with a card that shows the claim and offers to edit it. Followed teams' claims come with
// them, painted the same private way; their cards are marked as the team's and offer no edit, and
// one that cannot be placed is simply not shown (the popup's unplaced list is the reader's own).

import type { UnplacedClaim } from '../../../shared/messages';
import type { ShownClaim } from '../../../shared/team/team-calls';
import { ClaimLayer, type AnchoredClaim } from '../../claims/claim-layer';
import { UI_TAG } from '../../ui/ui-root';
import type { CardSubject, PageFeature, PageServices } from '../page-feature';

export interface ClaimsFeature extends PageFeature {
  /** (Re)loads this page's claims, after a save or an import. */
  load(): Promise<void>;
  unplaced(): UnplacedClaim[];
}

export function startClaims(s: PageServices): ClaimsFeature {
  // "Copy to my claims": a new draft of the reader's own on the same quote, which the background
  // fills with the team claim's fields (naming only the people and bodies the reader's knowledge has).
  const copyToMine = (claim: ShownClaim) => {
    const mine = (id: string) => !claim.team || !Object.hasOwn(claim.team.names, id);
    s.card.close();
    void s.edit(s.backend.startDraft({
      target: claim.target, pageTitle: claim.pageTitle, pageDate: s.pageDate ?? null,
      claimant: claim.claimant && mine(claim.claimant) ? claim.claimant : null, entities: claim.entities.filter(mine), mode: 'claim',
      copyOf: claim.id,
    }));
  };
  const subjectOf = (claim: ShownClaim, range: AbstractRange): CardSubject => ({
    key: claim.id,
    range,
    render: async (doc, common) => (await s.ui()).renderClaimCard(doc, claim, {
      ...common,
      onEdit: () => {
        s.card.close();
        void s.edit(s.backend.editClaim(claim.id));
      },
      ...(claim.team ? { onCopy: () => copyToMine(claim) } : {}),
    }),
  });
  const layer = new ClaimLayer({
    fetchClaims: s.backend.fetchClaims,
    // Only a page with claims loads the code that places them.
    placer: async () => new (await s.ui()).ClaimPlacer({
      paint: (range) => s.painter.add('claim', range),
      unpaint: (range) => s.painter.delete('claim', range),
      reveal: (anchored: AnchoredClaim) => void s.card.reveal(subjectOf(anchored.claim, anchored.range)),
      uiTag: UI_TAG,
      doc: s.doc,
    }, s.signal),
    doc: s.doc,
  }, s.signal);
  const load = () => layer.load();
  // A stop the card can open: its text still in the page and rendered. One it cannot open would
  // hold the keyboard's walk on it: the step would try it again on every press.
  const openable = (a: AnchoredClaim) => {
    const text = a.range.startContainer;
    const parent = text.parentElement;
    if (!text.isConnected || !parent) return false;
    return typeof parent.checkVisibility !== 'function' || parent.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions);
  };
  return {
    ready: load().catch(() => undefined),
    at: (node, offset) => {
      const anchored = layer.at(node, offset);
      return anchored ? subjectOf(anchored.claim, anchored.range) : undefined;
    },
    // Each placed quote is a stop for next/previous-mention (the session orders them with the names),
    // so a claim's own card, with its "Edit claim", opens from the keyboard as under the pointer.
    stops: () => layer.placed().filter(openable).map((a) => subjectOf(a.claim, a.range)),
    load,
    unplaced: () => layer.unplacedClaims()
      .filter((c: ShownClaim) => c.team === undefined)
      .map((c) => ({ id: c.id, quote: c.target.selector[0].exact })),
  };
}
