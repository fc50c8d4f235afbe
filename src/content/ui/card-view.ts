// Builds the card for one entity: kind, name, summary, its dated history with outcomes and
// uncertainty marked, and numbered sources. Produces DOM only; showing it is card-host.ts's job.

import type { Claim } from '../../shared/claims/claim';
import { dateSortKey, formatFactDate } from '../../shared/partial-date';
import { today } from '../../shared/today';
import { KIND_LABEL } from '../../shared/kind-label';
import type { Entity, EntityEvent } from '../../shared/types';
import { renderReading, type PageReading } from './card-reading';
import { renderClaimEvent, type ClaimViewContext } from './claim-view';
import { el, link } from './dom';
import { renderProvenance } from './provenance';

export interface CardContext extends Partial<ClaimViewContext> {
  /**
   * This mention's place among its frame's mentions, for "2 of 7". In a frame the count says so:
   * the tab's total would need every frame's count on each card, and the step buttons walk the
   * tab's frames (as the keyboard does) while the number is the frame's.
   */
  position: { index: number; total: number; inFrame?: boolean };
  /** The user's claims by or about this entity, shown on the same timeline. */
  claims?: Claim[];
  /** The page this mention is on: its date and words, read into the person's post or the body's name then. */
  reading?: PageReading;
  /** `trusted`: the reader's own click, not a script's. */
  onStep(direction: 1 | -1, trusted: boolean): void;
  onClose(): void;
}

export function renderCard(doc: Document, entity: Entity, ctx: CardContext): HTMLElement {
  const titleId = 'sf-card-title';
  const claimContext: ClaimViewContext = { nameOf: ctx.nameOf ?? ((id) => id), today: ctx.today ?? today() };
  // Built-in facts and the user's claims on one timeline, oldest first.
  const timeline = [
    ...entity.events.map((event) => ({ date: dateSortKey(event.date), render: () => renderEvent(doc, event, entity) })),
    ...(ctx.claims ?? []).map((claim) => ({ date: claim.madeOn, render: () => renderClaimEvent(doc, claim, claimContext) })),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const close = el(doc, 'button', { class: 'close', type: 'button', 'aria-label': 'Close' }, '×');
  close.addEventListener('click', ctx.onClose);

  return el(doc, 'article', { class: `card kind-${entity.kind}`, role: 'dialog', 'aria-labelledby': titleId, tabindex: '-1' },
    el(doc, 'header', {},
      el(doc, 'div', { class: 'eyebrow' },
        el(doc, 'span', { class: 'kind' }, KIND_LABEL[entity.kind]),
        el(doc, 'span', { class: 'brand' }, 'Sound familiar?'),
        close,
      ),
      el(doc, 'h2', { id: titleId }, entity.name),
      entity.summary ? el(doc, 'p', { class: 'summary' }, entity.summary) : null,
      entity.confidence && entity.confidence !== 'sourced'
        ? el(doc, 'p', { class: 'caveat' }, el(doc, 'strong', {}, 'Note on sources: '), entity.confidence)
        : null,
      renderProvenance(doc, entity),
    ),
    ctx.reading ? renderReading(doc, entity, ctx.reading, claimContext.today) : null,
    timeline.length > 0
      ? el(doc, 'section', { class: 'history', 'aria-label': 'History' },
          el(doc, 'h3', {}, 'History'),
          el(doc, 'ol', { class: 'timeline' }, ...timeline.map((item) => item.render())),
        )
      : el(doc, 'p', { class: 'empty' }, 'No dated history recorded yet.'),
    entity.sources.length > 0
      ? el(doc, 'section', { class: 'sources', 'aria-label': 'Sources' },
          el(doc, 'h3', {}, 'Sources'),
          el(doc, 'ol', {}, ...entity.sources.map((s, i) =>
            el(doc, 'li', { id: `sf-src-${i + 1}` },
              link(doc, s.url, { class: 'source' }, s.title),
              s.date || s.dateLabel ? el(doc, 'span', { class: 'source-date' }, ` · ${formatFactDate(s)}`) : null,
            ))),
        )
      : null,
    renderFooter(doc, ctx),
  );
}

function renderEvent(doc: Document, event: EntityEvent, entity: Entity): HTMLElement {
  const caveat = event.confidence !== undefined ? splitConfidence(event.confidence) : null;
  return el(doc, 'li', { class: caveat ? 'event uncertain' : 'event' },
    el(doc, 'time', { datetime: event.date || undefined }, formatFactDate(event)),
    el(doc, 'div', { class: 'what' },
      el(doc, 'p', {}, event.text),
      event.outcome ? el(doc, 'p', { class: 'outcome' }, el(doc, 'strong', {}, 'Outcome: '), event.outcome) : null,
      // Where sources disagree or a fact rests on one weak source, the card says why, not just that.
      caveat?.why ? el(doc, 'p', { class: 'why' }, caveat.why) : null,
      el(doc, 'p', { class: 'meta' },
        caveat ? el(doc, 'span', { class: 'badge', title: event.confidence }, caveat.label) : null,
        ...event.src.map((i, n) => {
          const source = entity.sources[i];
          const supports = event.notes?.[n];
          const title = [source?.title, source?.publisher, supports ? `Supports: ${supports}` : ''].filter(Boolean).join(' — ');
          return link(doc, source?.url, { class: 'cite', title, 'aria-label': `Source ${i + 1}: ${title}` }, `[${i + 1}]`);
        }),
      ),
    ),
  );
}

/** "uncertain: A says X; B says Y" → a short badge ("Uncertain") and the reason, shown in full. */
export function splitConfidence(confidence: string): { label: string; why: string } {
  const colon = confidence.indexOf(':');
  const label = (colon > 0 && colon <= 40 ? confidence.slice(0, colon) : confidence.length <= 40 ? confidence : 'Uncertain').trim();
  const why = colon > 0 && colon <= 40 ? confidence.slice(colon + 1).trim() : confidence.length <= 40 ? '' : confidence;
  return { label: label.charAt(0).toUpperCase() + label.slice(1), why };
}

function renderFooter(doc: Document, ctx: CardContext): HTMLElement {
  const prev = el(doc, 'button', { type: 'button', class: 'step', 'aria-label': 'Previous mention' }, '‹ Previous');
  const next = el(doc, 'button', { type: 'button', class: 'step', 'aria-label': 'Next mention' }, 'Next ›');
  prev.addEventListener('click', (e) => ctx.onStep(-1, e.isTrusted === true));
  next.addEventListener('click', (e) => ctx.onStep(1, e.isTrusted === true));
  const { index, total, inFrame } = ctx.position;
  return el(doc, 'footer', {},
    el(doc, 'span', { class: 'count' }, total > 0 ? `Mention ${index + 1} of ${total} ${inFrame ? 'in this frame' : 'on this page'}` : ''),
    el(doc, 'span', { class: 'steps' }, prev, next),
  );
}
