/**
 * The map's time slider works in whole months (UTC). Its scale spans DOMAIN_MONTHS months
 * ending with the month of the newest record the viewer may see; slider value v is month v of
 * that scale (0 … DOMAIN_MONTHS − 1), and the window [a, b] holds the records that began in
 * months a to b, both included: from the start of month a to the start of month b + 1.
 */
export const DOMAIN_MONTHS = 36;
/** The window first shown: the last year of the scale. */
export const DEFAULT_WINDOW_MONTHS = 12;

export type MonthScale = { startYear: number; startMonth: number };

/** The scale whose last month holds `newest` (or the current month when there is none). */
export function monthScale(newest: Date | null): MonthScale {
  const end = newest ?? new Date();
  const startIndex = end.getUTCFullYear() * 12 + end.getUTCMonth() - (DOMAIN_MONTHS - 1);
  return { startYear: Math.floor(startIndex / 12), startMonth: startIndex % 12 };
}

/** The start of month v of the scale (v = DOMAIN_MONTHS: the end of the scale). */
export function monthStart(scale: MonthScale, v: number): Date {
  return new Date(Date.UTC(scale.startYear, scale.startMonth + v, 1));
}

/** The window [a, b] as the API's `from` (inclusive) and `to` (exclusive). */
export function windowRange(scale: MonthScale, [a, b]: [number, number]) {
  return { from: monthStart(scale, a).toISOString(), to: monthStart(scale, b + 1).toISOString() };
}

const MONTH = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "Mar 2025": the month that starts at slider value v. */
export function monthLabel(scale: MonthScale, v: number): string {
  return MONTH.format(monthStart(scale, v));
}

/** "Jul 2024 – Jun 2025": the months of the window [a, b]. */
export function windowLabel(scale: MonthScale, [a, b]: [number, number]): string {
  return a === b ? monthLabel(scale, a) : `${monthLabel(scale, a)} – ${monthLabel(scale, b)}`;
}
