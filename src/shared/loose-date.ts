// The knowledge base's dates as researchers wrote them: exact (`2015-07-03`), partial (`2015-07`,
// `2015`), ranges (`2018–2025`), financial years (`2021/22`), seasons (`2016-summer`) or
// `undated`. Each becomes a sortable partial date plus, where that loses something, the label as
// written, so the card shows exactly what the source supports and no more.

import { isPartialDate } from './partial-date';

export interface LooseDate {
  /** `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or '' when undated. Sorts as text. */
  date: string;
  /** What to show instead of the formatted date, when the date alone would overstate precision. */
  dateLabel?: string;
}

const SEASON_MONTH: Record<string, string> = { spring: '03', summer: '06', autumn: '09', winter: '12' };

export function parseLooseDate(raw: string): LooseDate | null {
  const text = raw.trim();
  if (isPartialDate(text)) return { date: text };
  if (/^undated$/i.test(text)) return { date: '', dateLabel: 'Undated' };
  let m = /^(\d{4})\s*[–—-]\s*(\d{4})$/.exec(text);
  if (m) return { date: m[1]!, dateLabel: `${m[1]}–${m[2]}` };
  m = /^(\d{4})\/(\d{2}|\d{4})$/.exec(text);
  if (m) return { date: m[1]!, dateLabel: text };
  m = /^(\d{4})-(spring|summer|autumn|winter)$/i.exec(text);
  if (m) return { date: `${m[1]}-${SEASON_MONTH[m[2]!.toLowerCase()]}`, dateLabel: `${m[2]!.charAt(0).toUpperCase()}${m[2]!.slice(1).toLowerCase()} ${m[1]}` };
  m = /^(\d{4}-\d{2}-\d{2})\s+\((.{1,40})\)$/.exec(text);
  if (m && isPartialDate(m[1]!)) return { date: m[1]!, dateLabel: text };
  return null;
}
