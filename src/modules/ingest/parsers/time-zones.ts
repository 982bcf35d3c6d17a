/**
 * Wall-clock time in an IANA zone to an instant, using only Intl's zone data. Ambiguous
 * and skipped local times are resolved as Temporal's `compatible` disambiguation does:
 * in the autumn overlap the earlier instant wins; a time inside the spring gap moves
 * forward by the gap (02:30 on the changeover day in New York becomes 03:30 EDT).
 */

const HOUR = 3_600_000;
const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, number>();
const OFFSET_CACHE_LIMIT = 50_000;
// Zone transitions fall on quarter hours, so the offset is constant inside a 15-minute slot.
const SLOT = 15 * 60_000;

/** Whether the runtime knows this IANA zone name. */
export function isKnownTimeZone(timezone: string): boolean {
  try {
    formatterFor(timezone);
    return true;
  } catch {
    return false;
  }
}

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timezone, f);
  }
  return f;
}

/** Milliseconds to add to UTC to get the zone's wall time at `epoch`. */
export function offsetAt(epoch: number, timezone: string): number {
  const slot = Math.floor(epoch / SLOT);
  const key = `${timezone}|${slot}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  const start = slot * SLOT;
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timezone).formatToParts(new Date(start))) parts[p.type] = p.value;
  const yearNumber = Number(parts['year']);
  const year = parts['era'] === 'BC' || parts['era'] === 'B' ? 1 - yearNumber : yearNumber;
  const wall = new Date(0);
  wall.setUTCFullYear(year, Number(parts['month']) - 1, Number(parts['day']));
  wall.setUTCHours(Number(parts['hour']), Number(parts['minute']), Number(parts['second']), 0);
  const offset = wall.getTime() - start;
  if (offsetCache.size >= OFFSET_CACHE_LIMIT) offsetCache.clear();
  offsetCache.set(key, offset);
  return offset;
}

/** `wall` is the local date-time encoded as if it were UTC milliseconds. */
export function zonedWallTimeToEpoch(wall: number, timezone: string): number {
  if (timezone === 'UTC' || timezone === 'Etc/UTC') return wall;
  const before = offsetAt(wall - 24 * HOUR, timezone);
  const after = offsetAt(wall + 24 * HOUR, timezone);
  const candidates = [wall - before, wall - after].filter(
    (epoch, i) => offsetAt(epoch, timezone) === (i === 0 ? before : after),
  );
  if (candidates.length === 0) return wall - before; // in the gap: keep the earlier offset
  return Math.min(...candidates);
}
