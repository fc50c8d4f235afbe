// Role titles as names: "the Communities Secretary" on a 2017 page means whoever held the post
// then. Turns people's dated roles into dictionary entries (one per holder and span), picks the
// holder for a date, and says when the words around a title point at someone else ("former",
// "shadow", a name right after it). Pure; not the vocabulary (role-titles.ts), not the matching.

import { CASE_SENSITIVE, NEEDS_CONTEXT, PRIVATE, type AliasSpec } from '../matcher/alias-rules';
import { comparableDate, periodContains, type Period } from '../precision';
import type { Entity } from '../types';

/** One person's hold on one title for one span: a dictionary entry of its own, with its own period. */
export interface TitleEntry extends Period {
  /** The holder: an index into the dictionary's entities. */
  entity: number;
  title: string;
}

/** How a mention named its person by a post's title ("the Housing Secretary") rather than by name. */
export interface TitleReading {
  title: string;
  /** The holder's span in that post. */
  from: string;
  to?: string;
  /** The date the title was read at: the page's, or today's when the page gives none. */
  on: string;
  /** The page gave no publication date, so today's holder was taken. The card must say so. */
  undated: boolean;
}

type TitleHolder = Pick<Entity, 'kind' | 'roles'> & { origin?: Entity['origin'] };

/**
 * Every title every person held, in `entities`' order. Spans of one title that meet or overlap
 * (a post renamed around its holder: Javid's DCLG and MHCLG roles) become one entry.
 */
export function titleEntries(entities: readonly TitleHolder[]): TitleEntry[] {
  const out: TitleEntry[] = [];
  entities.forEach((entity, index) => {
    if (entity.kind !== 'person' || !entity.roles) return;
    const byTitle = new Map<string, Period[]>();
    for (const role of entity.roles) {
      for (const title of role.titles ?? []) {
        const spans = byTitle.get(title) ?? [];
        spans.push({ from: role.from, ...(role.to ? { to: role.to } : {}) });
        byTitle.set(title, spans);
      }
    }
    for (const [title, spans] of byTitle) {
      spans.sort((a, b) => (comparableDate(a.from, 'start') < comparableDate(b.from, 'start') ? -1 : 1));
      let current: TitleEntry | null = null;
      for (const span of spans) {
        if (current && (!current.to || comparableDate(span.from, 'start') <= comparableDate(current.to, 'end'))) {
          if (current.to && (!span.to || comparableDate(span.to, 'end') > comparableDate(current.to, 'end'))) {
            if (span.to) current.to = span.to;
            else delete current.to;
          }
          continue;
        }
        current = { entity: index, title, ...span };
        out.push(current);
      }
    }
  });
  return out;
}

/**
 * Titles every country has: a foreign page's "the prime minister said" is not the UK's. They
 * count only where the page also names the holder in full.
 */
const EVERY_COUNTRY_HAS_ONE = new Set(['Prime Minister', 'Deputy Prime Minister', 'Chancellor']);

/**
 * The alias specs for `entries`, numbered from `firstNumber` (the dictionary's entity count), so
 * a match's variant says which entry, and so which holder and span, it is. A one-word title
 * ("Chancellor") is a common word elsewhere: it counts only in its case. A title every country
 * has counts only where the page names the holder in full. A user's own knowledge stays private.
 */
export function titleAliasSpecs(entries: readonly TitleEntry[], holders: readonly TitleHolder[], firstNumber: number): AliasSpec[] {
  return entries.map((entry, k) => ({
    text: entry.title,
    entity: firstNumber + k,
    flags: (/\s/.test(entry.title) ? 0 : CASE_SENSITIVE)
      | (EVERY_COUNTRY_HAS_ONE.has(entry.title) ? NEEDS_CONTEXT : 0)
      | (holders[entry.entity]?.origin === 'user' || holders[entry.entity]?.origin === 'pack' ? PRIVATE : 0),
  }));
}

/**
 * Who held the title on `date`, among `entries` (all for the same words). One holder: them. A
 * handover (the old holder's last day is, at the precision the dates are known, the new holder's
 * first) goes to the newcomer. Several holders at once ("Cabinet Office Minister" is a team) or
 * none: undefined, since the page cannot be read as meaning one person.
 */
export function holderOn<T extends TitleEntry>(entries: readonly T[], date: string): T | undefined {
  const holding = entries.filter((e) => periodContains(e, date));
  if (holding.length <= 1) return holding[0];
  const newest = holding.reduce((a, b) => (comparableDate(b.from, 'start') > comparableDate(a.from, 'start') ? b : a));
  const handedOver = holding.every((e) => e.entity === newest.entity || (!!e.to && comparableDate(e.to, 'start') <= comparableDate(newest.from, 'end')));
  return handedOver ? newest : undefined;
}

/** Words before a title that make it someone other than the holder on the page's date. */
const NOT_THE_HOLDER = new Set([
  'former', 'shadow', 'then', 'ex', 'previous', 'past', 'erstwhile', 'onetime', 'one-time', 'future', 'next', 'first',
  'late', 'opposition', 'a', 'an', 'any', 'every', 'each', 'successive', 'several', 'no', 'would-be', 'prospective',
]);
/** Capitalised words before a title that still mean the UK post ("The", "UK Housing Secretary"). */
const UK_WORDS = new Set(['The', 'UK', 'British', 'HM', 'Government', "Government's", 'Government’s', 'Westminster']);
const HONORIFIC = String.raw`(?:(?:The\s+)?Rt\.?\s+Hon\.?\s+|(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Baroness)\.?\s+)?`;
// Both made on first use: creating a Unicode-property expression builds its character sets, and
// this module loads in every frame the content script runs in, most of which never read a title.
let nameAfter: RegExp | undefined;
/** "Sajid Javid, the Communities Secretary": the title describes the name before it. */
let nameBefore: RegExp | undefined;
const NOT_A_NAME = new Set([
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'January', 'February', 'March', 'April',
  'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'Today', 'Yesterday', 'Meanwhile', 'However',
]);
const OTHER_POST_AFTER = /^[\s\u00a0]+(?:of|for|to|in)[\s\u00a0]/i;

/**
 * Whether a title, with `before` and `after` the page text either side of it, reads as the
 * post's holder at the page's date. Not when qualified as someone else's ("former", "shadow",
 * "the Welsh", "ex-"), when it only introduces a name ("Housing Secretary Michael Gove": the name
 * says who, and on a later page the title alone would say someone else), or when it continues
 * into another post ("Prime Minister of Australia", "Vice-Chancellor"). Next to a name, before
 * or after ("Sajid Javid, the Communities Secretary"), the name says who, whatever the date.
 */
export function readsAsHolder(before: string, after: string): boolean {
  if (/[-‐‑–]$/.test(before)) return false;
  nameAfter ??= new RegExp(String.raw`^,?[\s\u00a0]+${HONORIFIC}\p{Lu}[\p{Ll}'’-]`, 'u');
  if (nameAfter.test(after) || OTHER_POST_AFTER.test(after)) return false;
  const named = (nameBefore ??= /(\p{Lu}[\p{L}'’-]*),[\s\u00a0]+(?:the[\s\u00a0]+)?$/u).exec(before)?.[1];
  if (named && !NOT_A_NAME.has(named)) return false;
  const words = /(?:([\p{L}'’.-]+)[\s\u00a0]+)?([\p{L}'’.-]+)[\s\u00a0]*$/u.exec(before);
  const word = words?.[2];
  if (!word) return true;
  if (NOT_THE_HOLDER.has(word.toLowerCase().replace(/[.]$/, ''))) return false;
  // "the Welsh Housing Secretary", "Australian Prime Minister", "Labour's": another government's post.
  if (/^\p{Lu}/u.test(word) && !UK_WORDS.has(word)) return false;
  // "the Scottish Government's Housing Secretary": whose government it is decides.
  const whose = words?.[1];
  return !(/^Government/.test(word) && whose && /^\p{Lu}/u.test(whose) && !UK_WORDS.has(whose));
}
