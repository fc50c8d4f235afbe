// The user's calendar day, as the YYYY-MM-DD that partial dates compare with. Local, not UTC: in
// UK summer time the UTC date is still yesterday between midnight and 1 am, so a deadline would
// turn overdue an hour late and a claim recorded then would say the day before.

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The local calendar day that `ms` (milliseconds since the epoch) falls on. */
export function localDay(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1, 2)}-${pad(d.getDate(), 2)}`;
}

/** Today, in the user's time zone. */
export function today(now: () => number = Date.now): string {
  return localDay(now());
}
