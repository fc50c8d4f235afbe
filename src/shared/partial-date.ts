// Partial dates, the one date form the knowledge base and claims store: `2015`, `2015-07` or
// `2015-07-03`. What one looks like, how two compare at their own precision, and how one reads
// to people. Researchers' looser forms (ranges, seasons) are read into these by loose-date.ts.

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, months 01-12 and days 01-31. */
const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

export function isPartialDate(text: string): boolean {
  return PARTIAL_DATE.test(text);
}

/** A span between two partial dates; no `to` means it still runs. */
export interface Period {
  from: string;
  to?: string;
}

/** `2018` → `2018-01-01` (start) or `2018-12-31` (end), so partial dates compare as strings. */
export function comparableDate(date: string, side: 'start' | 'end'): string {
  const [y, m, d] = date.split('-');
  const month = m ?? (side === 'start' ? '01' : '12');
  const day = d ?? (side === 'start' ? '01' : '31');
  return `${y}-${month}-${day}`;
}

/**
 * Whether `date` falls within `period`, both ends included and each end read at its own precision:
 * a period ending `2017-12` still holds on `2017-12-31`. A partial `date` counts from its start.
 */
export function periodContains(period: Period, date: string): boolean {
  const day = comparableDate(date, 'start');
  return day >= comparableDate(period.from, 'start') && (!period.to || day <= comparableDate(period.to, 'end'));
}

/** Sorts as text; undated facts ('') after dated ones. */
export function dateSortKey(date: string): string {
  return date || '9999';
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2015` → "2015", `2015-07` → "Jul 2015", `2015-07-03` → "3 Jul 2015": British order, nothing invented. */
export function formatPartialDate(date: string): string {
  const [y, m, d] = date.split('-');
  const month = m ? MONTHS[Number(m) - 1] : undefined;
  if (!month) return y ?? date;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/** A fact's date for display: its label as written if it has one, else the formatted date. */
export function formatFactDate(fact: { date?: string; dateLabel?: string }): string {
  return fact.dateLabel ?? (fact.date ? formatPartialDate(fact.date) : 'Undated');
}
