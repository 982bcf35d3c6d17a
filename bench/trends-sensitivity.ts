/**
 * How detection depends on the size of the world: the same counting (every SAR behaviour ×
 * county, as a viewer who sees everything) and the same tests as GET /trends (series.ts),
 * run on the generator's records directly for several world sizes and seeds, without a
 * database. Scored like the database runs (trends-evaluate.ts).
 */
import type { DemoRecord } from '../src/demo/types.ts';
import { generateDemoWorld } from '../src/demo/world.ts';
import { countyFipsAt } from '../src/modules/geo/counties.ts';
import { DEFAULT_DETECTION } from '../src/modules/trends/detection.ts';
import { testCounts } from '../src/modules/trends/series.ts';
import type { WeekCount } from '../src/modules/trends/trends.repository.ts';
import type { RegionLevel, TrendsResponse } from '../src/modules/trends/trends.schemas.ts';
import { weekNumberOf, weekStartIso } from '../src/modules/trends/weeks.ts';
import { clusterCells, evaluate, PlantedRecords, type Evaluation } from './trends-evaluate.ts';

const COUNTY: RegionLevel = { type: 'county' };

/** Weekly counts per (behaviour, county), as the trends SQL makes them; planted records kept. */
function countsOf(records: Iterable<DemoRecord>, planted: PlantedRecords): WeekCount[] {
  const cells = new Map<string, WeekCount>();
  for (const r of records) {
    planted.add(r);
    const loc = r.body.location;
    if (r.body.kind !== 'sar') continue;
    const county = countyFipsAt(loc.lat, loc.lon);
    if (!county) continue;
    const week = weekNumberOf(Date.parse(r.body.occurredFrom));
    for (const b of new Set(r.body.payload.behaviours ?? [])) {
      const id = `${week}|${b}|${county}`;
      const cell = cells.get(id) ?? { week, key: b, region: county, count: 0 };
      cell.count++;
      cells.set(id, cell);
    }
  }
  return [...cells.values()];
}

export type SensitivityRow = {
  records: number;
  seed: number;
  /** Fairfax County's drone reports: mean a week before the surge, and in its first week. */
  fairfax: { baseline: number; startWeek: number };
} & Evaluation;

function fairfaxOf(answer: TrendsResponse, surgeStart: string) {
  const series = answer.series.find((s) => s.key === 'AVIATION' && s.region.id === '51059');
  const at = answer.weeks.indexOf(surgeStart);
  const before = series?.counts.slice(0, at) ?? [];
  return {
    baseline: before.reduce((a, b) => a + b, 0) / Math.max(1, before.length),
    startWeek: series?.counts[at] ?? 0,
  };
}

export function sensitivity(sizes: readonly number[], seeds: readonly number[]): SensitivityRow[] {
  const rows: SensitivityRow[] = [];
  for (const records of sizes)
    for (const seed of seeds) {
      const world = generateDemoWorld({ seed, records });
      const reference = world.center.referenceDate;
      const end = weekNumberOf(Date.parse(reference));
      const first = end - 104;
      const planted = new PlantedRecords();
      const tested = testCounts(
        countsOf(world.records(), planted),
        {
          fetchFirst: first - DEFAULT_DETECTION.baselineWeeks - DEFAULT_DETECTION.guardWeeks,
          first,
          end,
        },
        { start: first },
        COUNTY,
        DEFAULT_DETECTION,
      );
      const answer = {
        weeks: Array.from({ length: end - first }, (_, i) => weekStartIso(first + i)),
        testedFrom: tested.testedFrom === null ? null : weekStartIso(tested.testedFrom),
        series: tested.series,
        flags: tested.flags,
      } as Pick<TrendsResponse, 'weeks' | 'testedFrom' | 'series' | 'flags'> as TrendsResponse;
      const cluster = clusterCells(planted.cluster, COUNTY);
      const scored = evaluate(answer, reference, COUNTY, { cluster, surgeRecords: planted.surge });
      rows.push({ records, seed, fairfax: fairfaxOf(answer, scored.surgeStartWeek), ...scored });
    }
  return rows;
}
