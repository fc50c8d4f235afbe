// How one of the user's claims reads: in its own card (hovering a claim's quote on the page) and
// as an entry on an entity's timeline. DOM only, text only. A followed team's claim (`team` set)
// reads the same but is marked "Team: <title>" and offers no edit: it is the team's, read-only.

import { isOverdue } from '../../shared/claims/annotation-body';
import { STATUS_LABEL, TYPE_LABEL, type Claim } from '../../shared/claims/claim';
import type { ShownClaim } from '../../shared/team/team-calls';
import { formatPartialDate } from '../../shared/partial-date';
import { localDay } from '../../shared/today';
import { el } from './dom';

export interface ClaimViewContext {
  nameOf(entityId: string): string;
  today: string;
}

/** Type and status badges; an overdue promise says so in words, not only in colour. */
export function claimBadges(doc: Document, claim: Claim, ctx: ClaimViewContext): HTMLElement {
  const overdue = isOverdue(claim, ctx.today);
  return el(doc, 'p', { class: 'meta' },
    el(doc, 'span', { class: 'status' }, TYPE_LABEL[claim.claimType]),
    el(doc, 'span', { class: overdue ? 'status overdue' : 'status' },
      overdue ? `${STATUS_LABEL[claim.status]} · overdue since ${formatPartialDate(claim.deadline!)}` : STATUS_LABEL[claim.status]),
    !overdue && claim.deadline ? el(doc, 'span', { class: 'source-date' }, `due ${formatPartialDate(claim.deadline)}`) : null,
  );
}

/** Names a claimant or entity: a team's claim may name one only its team's file knows (own keys only). */
function namer(claim: ShownClaim, ctx: ClaimViewContext): (id: string) => string {
  const names = claim.team?.names;
  return (id) => (names && Object.hasOwn(names, id) ? names[id]! : ctx.nameOf(id));
}

/** `onCopy`, for a team's claim: start the reader's own claim from it (the editor opens on a draft). */
export function renderClaimCard(doc: Document, claim: ShownClaim, ctx: ClaimViewContext & { onEdit(): void; onClose(): void; onCopy?(): void }): HTMLElement {
  const titleId = 'sf-claim-title';
  const close = el(doc, 'button', { class: 'close', type: 'button', 'aria-label': 'Close' }, '×');
  close.addEventListener('click', ctx.onClose);
  const team = claim.team;
  const edit = team ? null : el(doc, 'button', { class: 'step', type: 'button' }, 'Edit claim');
  edit?.addEventListener('click', ctx.onEdit);
  const copy = team && ctx.onCopy ? el(doc, 'button', { class: 'step', type: 'button' }, 'Copy to my claims') : null;
  if (copy && ctx.onCopy) copy.addEventListener('click', ctx.onCopy);
  const nameOf = namer(claim, ctx);
  const who = claim.claimant ? nameOf(claim.claimant) : 'Unknown claimant';
  return el(doc, 'article', { class: team ? 'card kind-claim kind-team' : 'card kind-claim', role: 'dialog', 'aria-labelledby': titleId, tabindex: '-1' },
    el(doc, 'header', {},
      el(doc, 'div', { class: 'eyebrow' },
        el(doc, 'span', { class: 'kind' }, team ? 'Team claim' : 'Your claim'),
        el(doc, 'span', { class: 'brand' }, `recorded ${formatPartialDate(localDay(claim.created))}`),
        close,
      ),
      el(doc, 'h2', { id: titleId }, `${who}, ${formatPartialDate(claim.madeOn)}`),
      el(doc, 'blockquote', { class: 'claim-quote' }, claim.target.selector[0].exact),
      claimBadges(doc, claim, ctx),
      team ? el(doc, 'p', { class: 'team-line' }, el(doc, 'span', { class: 'team-label' }, 'Team:'), ' ', el(doc, 'strong', {}, team.title), ' · read-only') : null,
    ),
    el(doc, 'section', { class: 'history', 'aria-label': 'Details' },
      el(doc, 'dl', { class: 'fields' },
        claim.entities.length > 0 ? el(doc, 'dt', {}, 'About') : null,
        claim.entities.length > 0 ? el(doc, 'dd', {}, claim.entities.map(nameOf).join(', ')) : null,
        claim.note ? el(doc, 'dt', {}, 'Note') : null,
        claim.note ? el(doc, 'dd', {}, claim.note) : null,
        claim.tags.length > 0 ? el(doc, 'dt', {}, 'Tags') : null,
        claim.tags.length > 0 ? el(doc, 'dd', {}, claim.tags.join(', ')) : null,
      ),
    ),
    team
      ? el(doc, 'footer', {}, el(doc, 'span', { class: 'count' }, 'Shared by your team'), copy ? el(doc, 'span', { class: 'steps' }, copy) : null)
      : el(doc, 'footer', {}, el(doc, 'span', { class: 'count' }, 'Stored only in this browser'), el(doc, 'span', { class: 'steps' }, edit)),
  );
}

/** A claim as one entry on an entity's dated timeline, marked as the user's own or as a team's. */
export function renderClaimEvent(doc: Document, claim: ShownClaim, ctx: ClaimViewContext): HTMLElement {
  const overdue = isOverdue(claim, ctx.today);
  const who = claim.claimant ? namer(claim, ctx)(claim.claimant) : null;
  const whose = claim.team ? 'team' : 'mine';
  return el(doc, 'li', { class: overdue ? `event ${whose} overdue` : `event ${whose}` },
    el(doc, 'time', { datetime: claim.madeOn }, formatPartialDate(claim.madeOn)),
    el(doc, 'div', { class: 'what' },
      el(doc, 'p', {},
        claim.team
          ? el(doc, 'span', { class: 'team-label' }, 'Team: ', el(doc, 'span', { class: 'team-name' }, claim.team.title), ' ')
          : el(doc, 'span', { class: 'mine-label' }, 'Your claim '),
        who ? `${who}: ` : '', `“${claim.target.selector[0].exact}”`),
      claim.note ? el(doc, 'p', { class: 'outcome' }, el(doc, 'strong', {}, 'Note: '), claim.note) : null,
      claimBadges(doc, claim, ctx),
    ),
  );
}
