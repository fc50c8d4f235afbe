// Finds when a page was published, from the places news sites, blogs and GOV.UK put it: meta
// tags, JSON-LD (also inside @graph), the article's <time>, a date in the URL's path. Used to
// read shared names and post titles ("the Housing Secretary") as of that date. Returns
// `YYYY-MM-DD` (or `YYYY-MM` where a URL gives only the month), or undefined: never a guess.

/** Where a page says when it was first published, most trusted first. */
const PUBLISHED_META = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[name="govuk:first-published-at"]',
  'meta[itemprop="datePublished"]',
  'meta[property="og:article:published_time"]',
  'meta[name="parsely-pub-date"]',
  'meta[name="DC.date.issued"]',
  'meta[name="dcterms.issued"]',
  'meta[name="date"]',
];

/** Where the published date is missing, the last update still places the page in time. */
const UPDATED_META = [
  'meta[name="govuk:public-updated-at"]',
  'meta[property="article:modified_time"]',
  'meta[name="article:modified_time"]',
];

/** A <time> that belongs to the article rather than to a sidebar or a comment. */
const ARTICLE_TIME = [
  'article time[datetime]',
  'main time[datetime]',
  'time[pubdate][datetime]',
  '[itemprop="datePublished"][datetime]',
  '[itemprop="datePublished"][content]',
];

const DAY = /^(\d{4})[-/](\d{2})[-/](\d{2})/;

export function pagePublicationDate(doc: Document = document, url: string = doc.URL): string | undefined {
  return fromMeta(doc, PUBLISHED_META)
    ?? fromJsonLd(doc, 'datePublished')
    ?? fromElements(doc, ARTICLE_TIME)
    ?? fromUrl(url)
    ?? fromMeta(doc, UPDATED_META)
    ?? fromJsonLd(doc, 'dateModified')
    // Any <time> at all: the page's first is usually its dateline.
    ?? isoDay(doc.querySelector('time[datetime]')?.getAttribute('datetime'));
}

function fromMeta(doc: Document, selectors: readonly string[]): string | undefined {
  for (const selector of selectors) {
    for (const meta of doc.querySelectorAll(selector)) {
      const date = isoDay(meta.getAttribute('content'));
      if (date) return date;
    }
  }
  return undefined;
}

function fromElements(doc: Document, selectors: readonly string[]): string | undefined {
  for (const selector of selectors) {
    const found = doc.querySelector(selector);
    const date = isoDay(found?.getAttribute('datetime') ?? found?.getAttribute('content'));
    if (date) return date;
  }
  return undefined;
}

/** `2019-03-12T09:00:00Z`, `2019-03-12` or `2019/03/12` → `2019-03-12`, if it is a real day. */
export function isoDay(value: string | null | undefined): string | undefined {
  const m = value ? DAY.exec(value.trim()) : null;
  if (!m) return undefined;
  const [, y, mo, d] = m;
  return plausible(Number(y), Number(mo), Number(d)) ? `${y}-${mo}-${d}` : undefined;
}

function plausible(year: number, month: number, day = 1): boolean {
  // The web before 1990 published no articles; 1970-01-01 is an unset timestamp.
  return year >= 1991 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** The first `key` in any JSON-LD block on the page, searching nested nodes and @graph arrays. */
function fromJsonLd(doc: Document, key: 'datePublished' | 'dateModified'): string | undefined {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    // Only the first 200 kB: some pages inline enormous JSON-LD graphs.
    const text = (script.textContent ?? '').slice(0, 200_000);
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      // Cut short or hand-written badly: the plain text may still say it.
      const m = new RegExp(`"${key}"\\s*:\\s*"([^"]{10,40})"`).exec(text);
      const date = isoDay(m?.[1]);
      if (date) return date;
      continue;
    }
    const date = findKey(data, key, 0);
    if (date) return date;
  }
  return undefined;
}

function findKey(node: unknown, key: string, depth: number): string | undefined {
  if (depth > 6 || typeof node !== 'object' || node === null) return undefined;
  if (Array.isArray(node)) {
    for (const item of node.slice(0, 50)) {
      const date = findKey(item, key, depth + 1);
      if (date) return date;
    }
    return undefined;
  }
  const record = node as Record<string, unknown>;
  const own = record[key];
  const date = isoDay(typeof own === 'string' ? own : Array.isArray(own) && typeof own[0] === 'string' ? own[0] : undefined);
  if (date) return date;
  for (const value of Object.values(record).slice(0, 50)) {
    const nested = findKey(value, key, depth + 1);
    if (nested) return nested;
  }
  return undefined;
}

/**
 * A date in the address's path: `/2019/03/12/slug`, `/2019-03-12-slug`, or `/2019/03/slug`
 * (WordPress, GOV.UK blogs, most news sites). Query strings and fragments are not read.
 */
export function fromUrl(url: string | undefined): string | undefined {
  let path: string;
  try {
    path = new URL(url ?? '').pathname;
  } catch {
    return undefined;
  }
  const day = /(?:^|\/)((?:19|20)\d{2})([/-])(\d{2})\2(\d{2})(?=$|[/_.-])/.exec(path);
  if (day && plausible(Number(day[1]), Number(day[3]), Number(day[4]))) return `${day[1]}-${day[3]}-${day[4]}`;
  const month = /\/((?:19|20)\d{2})\/(\d{2})(?=\/)/.exec(path);
  if (month && plausible(Number(month[1]), Number(month[2]))) return `${month[1]}-${month[2]}`;
  return undefined;
}
