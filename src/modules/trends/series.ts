/**
 * From the sparse count table the database returns to dense weekly series, tested, and back
 * to what a reader needs: each series' weeks and the flags. Pure functions.
 */
import { countyName } from '../geo/counties.ts';
import { toH3String } from '../geo/h3.ts';
import { detectRises, type DetectionParams, type WeekResult } from './detection.ts';
import type { WeekCount } from './trends.repository.ts';
import type { RegionLevel, TrendsResponse } from './trends.schemas.ts';
import { weekStartIso } from './weeks.ts';

type Series = TrendsResponse['series'][number];
type Flag = TrendsResponse['flags'][number];
type Region = Series['region'];

/** Week numbers: counts fetched from `fetchFirst` (the baseline's reach), reported [first, end). */
export type WeekWindow = { fetchFirst: number; first: number; end: number };

/** Where the viewer's history begins (the first week they may see any record), if anywhere. */
export type History = { start: number | null };

export type Tested = {
  /** First reported week with a full baseline inside the visible history, if any. */
  testedFrom: number | null;
  /** Series with at least one record in the reported weeks, in no particular order. */
  series: (Series & { bestQ: number })[];
  flags: Flag[];
};

type Keyed = { key: string; region: string; counts: number[] };

/**
 * p-values to at least 5 significant digits and expected counts to 3 decimals: enough to
 * read, and a state-wide answer stays a few megabytes. (toPrecision only for the rare tiny
 * p-values: it costs more than the tests themselves over a state's series.)
 */
const sig = (p: number | null) =>
  p === null ? null : p >= 1e-3 ? Math.round(p * 1e8) / 1e8 : Number(p.toPrecision(6));
const dec = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);

/** Dense counts per (key, region) over weeks [start, end). */
function densify(rows: readonly WeekCount[], start: number, end: number): Keyed[] {
  const byId = new Map<string, Keyed>();
  for (const r of rows) {
    const id = `${r.key}\u0000${r.region}`;
    let s = byId.get(id);
    if (!s) {
      s = { key: r.key, region: r.region, counts: new Array<number>(end - start).fill(0) };
      byId.set(id, s);
    }
    s.counts[r.week - start] = (s.counts[r.week - start] ?? 0) + r.count;
  }
  return [...byId.values()];
}

export function regionOf(level: RegionLevel, id: string): Region {
  if (level.type === 'county')
    return { type: 'county', id, name: countyName(id) ?? null, resolution: null };
  return { type: 'h3', id: toH3String(id), name: null, resolution: level.resolution };
}

/**
 * Tests every series and keeps the reported weeks. History starts at the first week in which
 * the viewer may see any record at all: a week before it is not a zero but unknown (the
 * system was not in use, or nothing was shared yet), and a baseline must lie inside history.
 */
export function testCounts(
  rows: readonly WeekCount[],
  weeks: WeekWindow,
  history: History,
  level: RegionLevel,
  params: DetectionParams,
): Tested {
  const { fetchFirst, first, end } = weeks;
  if (rows.length === 0 || history.start === null)
    return { testedFrom: null, series: [], flags: [] };
  // Counts are only ever of visible records, so none is older than the history's start.
  const historyStart = Math.max(fetchFirst, Math.min(history.start, end));
  const keyed = densify(rows, historyStart, end);
  const results = detectRises(
    keyed.map((s) => s.counts),
    params,
  );
  const firstTested = Math.max(first, historyStart + params.baselineWeeks + params.guardWeeks);
  const reported = Array.from({ length: end - first }, (_, i) => first + i);
  const tested: Tested = {
    testedFrom: firstTested < end ? firstTested : null,
    series: [],
    flags: [],
  };
  keyed.forEach((s, i) => {
    const weeksOf = reported.map((w) =>
      w < historyStart ? undefined : results[i]?.[w - historyStart],
    );
    const series = toSeries(s, level, reported, weeksOf);
    if (series.total === 0) return;
    tested.series.push(series);
    for (const [j, r] of weeksOf.entries()) {
      if (r?.flagged) tested.flags.push(toFlag(s.key, series.region, reported[j] ?? first, r));
    }
  });
  return tested;
}

function toSeries(
  s: Keyed,
  level: RegionLevel,
  reported: readonly number[],
  results: readonly (WeekResult | undefined)[],
): Series & { bestQ: number } {
  const counts = results.map((r) => r?.count ?? 0);
  let bestQ = Infinity;
  const flaggedWeeks: string[] = [];
  results.forEach((r, j) => {
    if (!r?.flagged) return;
    flaggedWeeks.push(weekStartIso(reported[j] ?? 0));
    bestQ = Math.min(bestQ, r.qValue ?? 1);
  });
  return {
    key: s.key,
    region: regionOf(level, s.region),
    total: counts.reduce((a, b) => a + b, 0),
    counts,
    expected: results.map((r) => dec(r?.expected ?? null)),
    pValues: results.map((r) => sig(r?.pValue ?? null)),
    flaggedWeeks,
    bestQ,
  };
}

function toFlag(key: string, region: Region, week: number, r: WeekResult): Flag {
  return {
    week: weekStartIso(week),
    key,
    region,
    count: r.count,
    expected: dec(r.expected) ?? 0,
    pValue: sig(r.pValue) ?? 1,
    qValue: sig(r.qValue) ?? 1,
  };
}

/** Flagged series first (most significant first), then the busiest; ties by key and region. */
export function compareSeries(
  a: Series & { bestQ: number },
  b: Series & { bestQ: number },
): number {
  return (
    a.bestQ - b.bestQ ||
    b.total - a.total ||
    a.key.localeCompare(b.key) ||
    a.region.id.localeCompare(b.region.id)
  );
}
