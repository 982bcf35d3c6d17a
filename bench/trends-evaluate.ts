/**
 * Scores a trends answer against what the demo world planted: the drone surge (AVIATION in
 * the surge counties, six weeks from a fixed Monday) and the port cluster (a few SARs of four
 * behaviours near Norfolk over three weeks). A flag on a surge cell is a detection; a flag on
 * a cell the cluster's own records fall in is the cluster (a real event, not a false alarm);
 * every other flag is a false alarm.
 */
import { PLANTED, plantedClusterEntityKeys, plantedWindows } from '../src/demo/planted.ts';
import type { DemoRecord } from '../src/demo/types.ts';
import { countyFipsAt } from '../src/modules/geo/counties.ts';
import { cellOf, parentOf, toH3String } from '../src/modules/geo/h3.ts';
import type { RegionLevel, TrendsResponse } from '../src/modules/trends/trends.schemas.ts';
import { isDroneStream } from '../src/modules/trends/trends.test-helpers.ts';
import { weekNumberOf, weekStartIso } from '../src/modules/trends/weeks.ts';

export type Evaluation = {
  surgeStartWeek: string;
  /** First week (at or after the start) in which any surge cell is flagged; null if never. */
  detectedWeek: string | null;
  delayWeeks: number | null;
  /** Regions flagged in the start week, and in the six surge weeks (with how often). */
  regionsAtStart: string[];
  surgeWeeksFlagged: number;
  clusterFlags: number;
  falseAlarms: number;
  /** Series-weeks with a p-value (series with at least one record in the window). */
  testedSeriesWeeks: number;
  testedWeeks: number;
  weeksWithFalseAlarm: number;
  falseAlarmList: string[];
};

const key = (category: string, region: string, week: string) => `${category}|${region}|${week}`;

function regionOf(level: RegionLevel, lat: number, lon: number): string | null {
  return level.type === 'county'
    ? countyFipsAt(lat, lon)
    : toH3String(parentOf(cellOf(lat, lon), level.resolution));
}

const CLUSTER_KEYS = new Set(plantedClusterEntityKeys());

/** The records of both planted stories, kept in one pass over the world's records. */
export class PlantedRecords {
  readonly surge: DemoRecord[] = [];
  readonly cluster: DemoRecord[] = [];
  add(r: DemoRecord): void {
    if (isDroneStream(r)) this.surge.push(r);
    if (r.entityKeys.some((k) => CLUSTER_KEYS.has(k))) this.cluster.push(r);
  }
}

/** The (category, region, week) cells the planted cluster's SARs fall in. */
export function clusterCells(
  clusterRecords: Iterable<DemoRecord>,
  level: RegionLevel,
): Set<string> {
  const cells = new Set<string>();
  for (const r of clusterRecords) {
    if (r.body.kind !== 'sar') continue;
    const loc = r.body.location;
    const region = regionOf(level, loc.lat, loc.lon);
    const week = weekStartIso(weekNumberOf(Date.parse(r.body.occurredFrom)));
    for (const b of r.body.payload.behaviours ?? []) if (region) cells.add(key(b, region, week));
  }
  return cells;
}

/** The regions the surge's records can fall in, at this level. */
function surgeRegions(surgeRecords: Iterable<DemoRecord>, level: RegionLevel): Set<string> {
  const regions = new Set<string>();
  for (const r of surgeRecords) {
    const region = regionOf(level, r.body.location.lat, r.body.location.lon);
    if (region) regions.add(region);
  }
  return regions;
}

export function evaluate(
  answer: TrendsResponse,
  referenceDate: string,
  level: RegionLevel,
  planted: { cluster: Set<string>; surgeRecords: readonly DemoRecord[] },
): Evaluation {
  const surge = plantedWindows(referenceDate).surge;
  const surgeWeeks = new Set(surge.weekStarts);
  const regions = surgeRegions(planted.surgeRecords, level);
  const isSurge = (f: TrendsResponse['flags'][number]) =>
    f.key === PLANTED.surge.behaviour && regions.has(f.region.id) && surgeWeeks.has(f.week);
  const start = surge.weekStarts[0] ?? '';
  const detections = answer.flags.filter(isSurge);
  const detected = detections.map((f) => f.week).sort()[0] ?? null;
  const alarms = answer.flags.filter(
    (f) => !isSurge(f) && !planted.cluster.has(key(f.key, f.region.id, f.week)),
  );
  const tested = answer.series.reduce((n, s) => n + s.pValues.filter((p) => p !== null).length, 0);
  const testedFrom = answer.testedFrom ? answer.weeks.indexOf(answer.testedFrom) : -1;
  return {
    surgeStartWeek: start,
    detectedWeek: detected,
    delayWeeks: detected ? (Date.parse(detected) - Date.parse(start)) / (7 * 86_400_000) : null,
    regionsAtStart: detections
      .filter((f) => f.week === start)
      .map((f) => f.region.name ?? f.region.id),
    surgeWeeksFlagged: new Set(detections.map((f) => f.week)).size,
    clusterFlags: answer.flags.length - detections.length - alarms.length,
    falseAlarms: alarms.length,
    testedSeriesWeeks: tested,
    testedWeeks: testedFrom < 0 ? 0 : answer.weeks.length - testedFrom,
    weeksWithFalseAlarm: new Set(alarms.map((f) => f.week)).size,
    falseAlarmList: alarms.map(
      (f) =>
        `${f.week.slice(0, 10)} ${f.key} ${f.region.name ?? f.region.id}: ${f.count} vs ${f.expected.toFixed(2)} expected (p = ${f.pValue.toExponential(1)})`,
    ),
  };
}
