/**
 * The demo world's Northern Virginia drone-report stream (baseline and planted surge) loaded
 * on its own: the demo agencies, sharing groups and users as seedDemoWorld makes them, then
 * only the AVIATION SARs of the surge counties, from a world large enough for the surge to
 * be statistically visible per county (at the 5,000-record default a surge county sees about
 * one drone report a week, which no test can tell from noise; docs/trends.md). Records are
 * prepared and written as the seed writes them.
 */
import type { Opened } from '../../main.ts';
import { seedDemoWorld } from '../../demo/seed.ts';
import { PLANTED } from '../../demo/planted.ts';
import type { DemoRecord } from '../../demo/types.ts';
import { generateDemoWorld } from '../../demo/world.ts';
import { systemClock } from '../../shared/clock.ts';
import { agencies } from '../agencies/agencies.table.ts';
import { sharingGroups } from '../sharing-groups/sharing-groups.table.ts';
import { prepareRecord } from '../records/record-preparation.ts';
import { insertRecords } from '../records/records.writer.ts';

const SURGE_COUNTIES = new Set<string>(PLANTED.surge.countyFips);

export function isDroneStream(r: DemoRecord): boolean {
  return (
    r.body.kind === 'sar' &&
    SURGE_COUNTIES.has(r.countyFips) &&
    (r.body.payload.behaviours ?? []).includes('AVIATION')
  );
}

/** The drone stream of the world (seed, records), as DemoRecords. */
export function droneStream(seed: number, records: number): DemoRecord[] {
  return [...generateDemoWorld({ seed, records }).records()].filter(isDroneStream);
}

/** Seeds the demo accounts and writes `stream`; resolves with the reference date. */
export async function seedDroneStream(opened: Opened, seed: number, stream: DemoRecord[]) {
  await seedDemoWorld(opened, { seed, records: 0, retrain: false });
  const db = opened.database.db;
  const ids = new Map<string, string>();
  const world = generateDemoWorld({ seed, records: 0 });
  const byName = new Map<string, string>([
    ...(await db.select({ id: agencies.id, name: agencies.name }).from(agencies)).map(
      (a) => [a.name, a.id] as const,
    ),
    ...(
      await db.select({ id: sharingGroups.id, name: sharingGroups.name }).from(sharingGroups)
    ).map((g) => [g.name, g.id] as const),
  ]);
  for (const a of [...world.agencies, ...world.sharingGroups]) {
    const id = byName.get(a.name);
    if (id) ids.set(a.key, id);
  }
  const idOf = (key: string) => {
    const id = ids.get(key);
    if (!id) throw new Error(`the demo world names an agency or group it did not seed: ${key}`);
    return id;
  };
  const prepared = stream.map((r) =>
    prepareRecord(
      {
        ...r.body,
        markings: { ...r.body.markings, releasableTo: r.releasableToKeys.map(idOf) },
        ...(r.disposition ? { disposition: r.disposition } : {}),
      },
      {
        ownerAgencyId: idOf(r.agencyKey),
        createdByUserId: opened.center.systemUserId,
        source: `demo:${r.agencyKey}`,
        sourceRecordId: r.sourceRecordId,
      },
    ),
  );
  for (let i = 0; i < prepared.length; i += 1000)
    await db.transaction((tx) =>
      insertRecords(tx, opened.center.id, systemClock.now(), prepared.slice(i, i + 1000)),
    );
  return world.center.referenceDate;
}
