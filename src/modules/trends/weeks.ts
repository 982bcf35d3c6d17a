/**
 * Trend weeks are ISO weeks in UTC: Monday 00:00 to the next Monday 00:00 (time is UTC
 * everywhere in Watchfloor). A week is numbered by the whole weeks since Monday 1970-01-05,
 * which the SQL computes the same way from `occurred_from`, whatever the session time zone.
 */
export const WEEK_MS = 7 * 86_400_000;
/** Monday 1970-01-05 00:00 UTC, the start of week 0 (the epoch itself was a Thursday). */
export const FIRST_MONDAY_MS = Date.UTC(1970, 0, 5);
/** The same offset in seconds, for SQL's extract(epoch from …). */
export const FIRST_MONDAY_SECONDS = FIRST_MONDAY_MS / 1000;
export const WEEK_SECONDS = WEEK_MS / 1000;

/** The number of the week that contains this instant. */
export function weekNumberOf(ms: number): number {
  return Math.floor((ms - FIRST_MONDAY_MS) / WEEK_MS);
}

/** The Monday 00:00 UTC that starts week `n`, as an ISO string. */
export function weekStartIso(n: number): string {
  return new Date(FIRST_MONDAY_MS + n * WEEK_MS).toISOString();
}

/** The weeks [from, to) of a request: from's week, up to and including the week before `to`'s end. */
export function weekRange(fromMs: number, toMs: number): { first: number; end: number } {
  const first = weekNumberOf(fromMs);
  // `to` is exclusive: a `to` exactly on a Monday ends the previous week.
  const end = weekNumberOf(toMs - 1) + 1;
  return { first, end: Math.max(end, first) };
}
