/**
 * Time in the demo world. Records are placed by Virginia wall-clock time (people report
 * "1430 hours", and activity follows the local day), then stored as UTC ISO strings. The
 * world never reads the clock: every date is derived from the configured reference date.
 */
import type { Random } from './random.ts';

export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;
/** Records span the two years (104 weeks) before the reference date. */
export const SPAN_WEEKS = 104;

const dstCache = new Map<number, readonly [number, number]>();

/** US daylight time: second Sunday of March to first Sunday of November, 2 a.m. local. */
function dstBounds(year: number): readonly [number, number] {
  let bounds = dstCache.get(year);
  if (!bounds) {
    const march1 = new Date(Date.UTC(year, 2, 1)).getUTCDay();
    const nov1 = new Date(Date.UTC(year, 10, 1)).getUTCDay();
    const startDay = 1 + ((7 - march1) % 7) + 7;
    const endDay = 1 + ((7 - nov1) % 7);
    bounds = [Date.UTC(year, 2, startDay, 7), Date.UTC(year, 10, endDay, 6)];
    dstCache.set(year, bounds);
  }
  return bounds;
}

/** Hours Virginia is behind UTC at this instant (4 in summer, 5 in winter). */
export function easternOffsetHours(utcMs: number): number {
  const [start, end] = dstBounds(new Date(utcMs).getUTCFullYear());
  return utcMs >= start && utcMs < end ? 4 : 5;
}

/** Relative activity per local hour: quiet before dawn, busiest in the afternoon and evening. */
const HOUR_WEIGHTS = [3, 2, 2, 1, 1, 1, 2, 3, 5, 6, 7, 7, 7, 7, 8, 8, 8, 8, 7, 7, 6, 5, 4, 3];
const HOUR_TOTAL = HOUR_WEIGHTS.reduce((a, b) => a + b, 0);

function pickHour(rng: Random): number {
  let x = rng.next() * HOUR_TOTAL;
  for (let h = 0; h < 24; h++) {
    x -= HOUR_WEIGHTS[h] ?? 0;
    if (x < 0) return h;
  }
  return 23;
}

/**
 * A UTC instant on a random local day in [fromMs, toMs) at a local hour drawn from the daily
 * profile, always inside the window. Days are uniform; callers shape trends by the window.
 */
export function sampleInstant(rng: Random, fromMs: number, toMs: number): number {
  const days = Math.max(1, Math.floor((toMs - fromMs) / DAY_MS));
  const dayStart = fromMs + rng.int(0, days - 1) * DAY_MS;
  const localMinutes = pickHour(rng) * 60 + rng.int(0, 59);
  const guess = dayStart + localMinutes * 60_000;
  const instant = guess + easternOffsetHours(guess) * 3_600_000;
  // Late evening on the last local day is already past the window in UTC: keep it inside.
  return instant >= toMs ? instant - DAY_MS : instant;
}

export type LocalParts = { date: string; time: string; weekday: string; iso: string };

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "03/14/2025", "1430 hours", "Friday" as a Virginia report would print them. */
export function localParts(utcMs: number): LocalParts {
  const local = new Date(utcMs - easternOffsetHours(utcMs) * 3_600_000);
  const mm = String(local.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(local.getUTCDate()).padStart(2, '0');
  const hh = String(local.getUTCHours()).padStart(2, '0');
  const mi = String(local.getUTCMinutes()).padStart(2, '0');
  return {
    date: `${mm}/${dd}/${local.getUTCFullYear()}`,
    time: `${hh}${mi} hours`,
    weekday: WEEKDAYS[local.getUTCDay()] ?? 'Monday',
    iso: new Date(utcMs).toISOString(),
  };
}

/** Week number counted from the start of the two-year span (0 = oldest week). */
export function weekIndex(utcMs: number, referenceMs: number): number {
  return Math.floor((utcMs - (referenceMs - SPAN_WEEKS * WEEK_MS)) / WEEK_MS);
}
