// Turns the reader's selection into the start of a claim: W3C selectors for the quote, the page's
// title and publication date, and the people and things it is probably about, suggested from
// the mentions in and just before the selection ("Mr Javid said: …" suggests Sajid Javid).

import { describeQuote } from '../../shared/anchoring/describe-quote';
import { LIMITS } from '../../shared/claims/claim';
import type { DraftStart } from '../../shared/messages';
import type { EntityKind } from '../../shared/types';
import { offsetOf, readPageText } from '../anchoring/page-text';
import { isInsideExcluded } from '../scan/text-blocks';

/** A mention as suggestions need it. */
export interface SuggestionSource {
  entityId: string;
  kind: EntityKind;
  range: AbstractRange;
}

/** How far before the selection a speaker's name still counts as theirs. */
const LOOKBEHIND = 400;

export function captureSelection(doc: Document, uiTag: string, mentions: readonly SuggestionSource[], pageDate: string | null): Omit<DraftStart, 'mode'> | null {
  const selection = doc.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  return captureRange(doc, selection.getRangeAt(0), uiTag, mentions, pageDate);
}

/** The same for any range of the page (a sentence the extension marked, say). */
export function captureRange(doc: Document, range: AbstractRange, uiTag: string, mentions: readonly SuggestionSource[], pageDate: string | null): Omit<DraftStart, 'mode'> | null {
  if (!doc.body || isInsideExcluded(range.startContainer, uiTag)) return null;
  const page = readPageText(doc.body, uiTag);
  let start = offsetOf(page, range.startContainer, range.startOffset);
  let end = offsetOf(page, range.endContainer, range.endOffset);
  while (start < end && page.text.charCodeAt(start) === 0x20) start++;
  while (end > start && page.text.charCodeAt(end - 1) === 0x20) end--;
  if (end - start < 3) return null;
  end = Math.min(end, start + LIMITS.quote);

  const offsets = mentions.map((m) => ({ ...m, at: offsetOf(page, m.range.startContainer, m.range.startOffset) }));
  const inside = offsets.filter((m) => m.at >= start && m.at < end);
  const before = offsets.filter((m) => m.at < start && m.at >= start - LOOKBEHIND).sort((a, b) => b.at - a.at);
  const claimant = before.find((m) => m.kind === 'person') ?? inside.find((m) => m.kind === 'person');
  const entities = [...new Set(inside.map((m) => m.entityId).filter((id) => id !== claimant?.entityId))].slice(0, LIMITS.entities);

  return {
    target: { source: doc.location.href, selector: describeQuote(page.text, start, end) },
    pageTitle: doc.title.slice(0, LIMITS.title),
    pageDate,
    claimant: claimant?.entityId ?? null,
    entities,
  };
}
