// The part of a card that reads the entity as of the page: how a post's title was resolved (and
// that an undated page was read as today), a person's post on the page's date and now, and what
// a renamed body is called now when the page used an old name. DOM through el() only: every
// string here, the page's own words included, becomes text.

import type { TitleReading } from '../../shared/knowledge/titles';
import { foldText } from '../../shared/normalise';
import { comparableDate, formatPartialDate, periodContains } from '../../shared/partial-date';
import type { DatedName, Entity, Role } from '../../shared/types';
import { el } from './dom';

/** What the card knows about the page the mention is on. */
export interface PageReading {
  /** The page's publication date, if it gives one. */
  pageDate?: string;
  /** The page's words for this mention ("DCLG", "the Housing Secretary"). */
  text?: string;
  /** Set where the page named the person by a post's title. */
  title?: TitleReading;
}

/** The lines for `entity` as of the page, or null when there is nothing dated to say. */
export function renderReading(doc: Document, entity: Entity, reading: PageReading, today: string): HTMLElement | null {
  const lines: HTMLElement[] = [];
  if (reading.title) lines.push(titleLine(doc, entity, reading.title));
  if (entity.kind === 'person' && entity.roles && entity.roles.length > 0) lines.push(...roleLines(doc, entity.roles, reading.pageDate, today));
  if (entity.names && entity.names.length > 1) {
    const line = nameLine(doc, entity.names, reading);
    if (line) lines.push(line);
  }
  return lines.length > 0 ? el(doc, 'section', { class: 'reading', 'aria-label': 'On this page' }, ...lines) : null;
}

function titleLine(doc: Document, entity: Entity, title: TitleReading): HTMLElement {
  const span = `${title.title}, ${spanText(title)}`;
  if (title.undated) {
    return el(doc, 'p', { class: 'reading-note undated' },
      el(doc, 'strong', {}, 'This page has no publication date: '),
      `“${title.title}” is read as today’s holder, ${entity.name} (${spanText(title)}). Check who held the post when it was written.`);
  }
  return el(doc, 'p', { class: 'reading-note' },
    `“${title.title}” read as the holder on ${formatPartialDate(title.on)}, the page’s date: ${entity.name} (${span}).`);
}

function roleLines(doc: Document, roles: readonly Role[], pageDate: string | undefined, today: string): HTMLElement[] {
  const now = roles.filter((r) => periodContains(r, today));
  const lines: HTMLElement[] = [];
  if (pageDate) {
    const then = roles.filter((r) => periodContains(r, pageDate));
    const same = then.length > 0 && then.length === now.length && then.every((r) => now.includes(r));
    const label = `${atDate(pageDate)} (this page’s date)${same ? ' and now' : ''}: `;
    lines.push(el(doc, 'p', { class: 'role-then' }, el(doc, 'strong', {}, label), then.length > 0 ? then.map(describeRole).join('; ') : 'no post on record'));
    if (same) return lines;
  }
  if (now.length > 0) {
    lines.push(el(doc, 'p', { class: 'role-now' }, el(doc, 'strong', {}, 'Now: '), now.map(describeRole).join('; ')));
  } else {
    const last = [...roles].sort((a, b) => (end(a) < end(b) ? -1 : 1)).at(-1)!;
    lines.push(el(doc, 'p', { class: 'role-now' }, el(doc, 'strong', {}, 'Now: '),
      last.to ? `left office ${onOrIn(last.to)} (last post: ${describeRole(last)})` : describeRole(last)));
  }
  return lines;
}

/** "In 2017" for a year or a month, "On 14 Mar 2017" for a day. */
function atDate(date: string): string {
  const words = onOrIn(date);
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function onOrIn(date: string): string {
  return `${date.length === 10 ? 'on' : 'in'} ${formatPartialDate(date)}`;
}

/** The post, and its body where the post's name does not already say it ("…for Communities and Local Government"). */
function describeRole(role: Role): string {
  const distinctive = role.body.replace(/^(?:the\s+)?(?:Department|Ministry|Office)\s+(?:for|of)\s+/i, '');
  return role.body && !role.title.includes(distinctive) ? `${role.title}, ${role.body}` : role.title;
}

function spanText(span: { from: string; to?: string }): string {
  return span.to ? `${formatPartialDate(span.from)} to ${formatPartialDate(span.to)}` : `since ${formatPartialDate(span.from)}`;
}

const end = (r: Role) => (r.to ? comparableDate(r.to, 'end') : '9999');

/**
 * "This page uses an earlier name": the page's words are a former name (or its initials), or,
 * failing that, the page's date falls in a former name's span. Nothing when it is called that
 * still, or when no name is current (a body that closed).
 */
function nameLine(doc: Document, names: readonly DatedName[], reading: PageReading): HTMLElement | null {
  const current = names.find((n) => !n.to);
  if (!current) return null;
  const words = reading.text ? fold(reading.text) : '';
  const used = names.filter((n) => words !== '' && (fold(n.name) === words || initials(n.name) === words));
  let old: DatedName | undefined;
  if (used.length > 0) {
    if (used.some((n) => fold(n.name) === fold(current.name))) return null;
    old = used[used.length - 1];
  } else if (reading.pageDate) {
    old = names.find((n) => n.from && periodContains({ from: n.from, ...(n.to ? { to: n.to } : {}) }, reading.pageDate!));
    if (!old || fold(old.name) === fold(current.name)) return null;
  }
  if (!old) return null;
  const when = old.from && old.to ? ` (${formatPartialDate(old.from)} to ${formatPartialDate(old.to)})` : old.to ? ` (until ${formatPartialDate(old.to)})` : '';
  return el(doc, 'p', { class: 'renamed' },
    el(doc, 'strong', {}, used.length > 0 ? 'This page uses an earlier name: ' : `${atDate(reading.pageDate!)} (this page’s date) it was: `),
    `${old.name}${when}. `,
    el(doc, 'strong', {}, 'Now called: '),
    current.from ? `${current.name} (since ${formatPartialDate(current.from)}).` : `${current.name}.`,
  );
}

/** Case, spacing, "the" and punctuation do not change which name it is. */
function fold(text: string): string {
  return foldText(text).replace(/^the\s+/, '').replace(/&/g, 'and').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** "Department for Communities and Local Government" → "dclg" (folded, as the page's words are). */
function initials(name: string): string {
  const letters = name.split(/[\s,]+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w.charAt(0)).join('').toLowerCase();
  return letters.length >= 2 ? letters : '\u0000';
}
