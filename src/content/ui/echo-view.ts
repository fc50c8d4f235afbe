// The "Sound familiar?" card: a sentence on the page, and the earlier promises it repeats, oldest
// first: who made each, when, what it said, what became of it, and the source; then what the two
// have in common, so the reader can judge the match. Everything is rendered as text.

import { formatFactDate } from '../../shared/partial-date';
import type { EchoView } from '../../shared/messages';
import type { CardCommon } from '../features/page-feature';
import { el, link } from './dom';

const STATUS_LABEL: Record<string, string> = {
  made: 'made', repeated: 'repeated', 'in-progress': 'in progress', delivered: 'delivered', dropped: 'dropped', unknown: 'status unknown',
};

export function renderEchoCard(doc: Document, sentence: string, echoes: readonly EchoView[], common: CardCommon & { onRecord(): void }): HTMLElement {
  const titleId = 'sf-echo-title';
  const close = el(doc, 'button', { class: 'close', type: 'button', 'aria-label': 'Close' }, '×');
  close.addEventListener('click', common.onClose);
  const record = el(doc, 'button', { class: 'step', type: 'button' }, 'Record as repeated');
  record.addEventListener('click', (e) => {
    if (e.isTrusted) common.onRecord();
  });
  const earliest = [...echoes].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const shared = sharedTerms(echoes);
  return el(doc, 'article', { class: 'card kind-echo', role: 'dialog', 'aria-labelledby': titleId, tabindex: '-1' },
    el(doc, 'header', {},
      el(doc, 'div', { class: 'eyebrow' }, el(doc, 'span', { class: 'kind' }, 'Sound familiar?'), close),
      el(doc, 'h2', { id: titleId }, earliest.length === 1 ? 'Promised before' : `Promised before, ${earliest.length} times`),
      el(doc, 'blockquote', { class: 'claim-quote' }, sentence),
    ),
    el(doc, 'section', { class: 'history', 'aria-label': 'Earlier promises' },
      el(doc, 'ol', { class: 'timeline' }, ...earliest.map((echo) => renderEarlier(doc, echo))),
    ),
    shared
      ? el(doc, 'section', { class: 'sources', 'aria-label': 'Why this matched' }, el(doc, 'p', { class: 'why' }, `In common: ${shared}.`))
      : null,
    el(doc, 'footer', {}, el(doc, 'span', { class: 'count' }, 'Matched on this device'), el(doc, 'span', { class: 'steps' }, record)),
  );
}

function renderEarlier(doc: Document, echo: EchoView): HTMLElement {
  const status = echo.status ? STATUS_LABEL[echo.status] ?? echo.status : null;
  return el(doc, 'li', { class: echo.origin === 'claim' ? 'event mine' : 'event' },
    el(doc, 'time', { datetime: echo.date || undefined }, formatFactDate(echo)),
    el(doc, 'div', { class: 'what' },
      el(doc, 'p', {}, el(doc, 'strong', {}, `${echo.label}: `), echo.text),
      echo.outcome ? el(doc, 'p', { class: 'outcome' }, el(doc, 'strong', {}, 'What became of it: '), echo.outcome) : null,
      status ? el(doc, 'p', { class: 'outcome' }, el(doc, 'strong', {}, 'Your claim is '), status) : null,
      el(doc, 'p', { class: 'meta' },
        el(doc, 'span', { class: 'badge' }, `${Math.round(echo.confidence * 100)}% match`),
        echo.source ? link(doc, echo.source.url, { class: 'cite' }, [echo.source.title, echo.source.publisher].filter(Boolean).join(', ')) : null,
      ),
    ),
  );
}

/** "councils, shared platform; the idea of asking only once; GDS": what the matches share. */
function sharedTerms(echoes: readonly EchoView[]): string {
  const words = new Set(echoes.flatMap((e) => e.shared.words).slice(0, 8));
  const ideas = new Set(echoes.flatMap((e) => e.shared.ideas));
  const names = new Set(echoes.flatMap((e) => e.shared.entities));
  return [
    words.size ? [...words].join(', ') : '',
    ideas.size ? `the idea of ${[...ideas].join(', ')}` : '',
    names.size ? [...names].join(', ') : '',
  ].filter(Boolean).join('; ');
}
