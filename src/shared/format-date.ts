// Formats the knowledge base's partial dates for people: `2015` → "2015", `2015-07` → "Jul 2015",
// `2015-07-03` → "3 Jul 2015". British order, no locale surprises, nothing invented.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A fact's date for display: its label as written if it has one, else the formatted date. */
export function formatFactDate(fact: { date?: string; dateLabel?: string }): string {
  return fact.dateLabel ?? (fact.date ? formatPartialDate(fact.date) : 'Undated');
}

export function formatPartialDate(date: string): string {
  const [y, m, d] = date.split('-');
  const month = m ? MONTHS[Number(m) - 1] : undefined;
  if (!month) return y ?? date;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}
