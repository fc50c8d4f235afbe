// Finds when a page was published, from the places news sites and GOV.UK put it. Used to tell
// apart entities that shared a name at different times. Returns `YYYY-MM-DD` or undefined.

const META_SELECTORS = [
  'meta[property="article:published_time"]',
  'meta[name="govuk:first-published-at"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="date"]',
  'meta[name="DC.date.issued"]',
];

const ISO_DATE = /^(\d{4}-\d{2}-\d{2})/;

export function pagePublicationDate(doc: Document = document): string | undefined {
  for (const selector of META_SELECTORS) {
    const date = isoDay(doc.querySelector(selector)?.getAttribute('content'));
    if (date) return date;
  }
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const date = jsonLdDate(script.textContent ?? '');
    if (date) return date;
  }
  return isoDay(doc.querySelector('time[datetime]')?.getAttribute('datetime'));
}

function isoDay(value: string | null | undefined): string | undefined {
  const m = value ? ISO_DATE.exec(value.trim()) : null;
  return m ? m[1] : undefined;
}

function jsonLdDate(text: string): string | undefined {
  // Only the first 200 kB: some pages inline enormous JSON-LD graphs.
  const m = /"datePublished"\s*:\s*"([^"]{10,40})"/.exec(text.slice(0, 200_000));
  return isoDay(m?.[1]);
}
