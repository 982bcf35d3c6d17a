/**
 * The demo world in one call: a Virginia fusion center, its partner agencies, sharing groups
 * and users, a lazily generated stream of records, and the ground truth of which real
 * entity every observation is. Nothing here touches a database or the clock: the lead's
 * loader writes it through the services, tests and benchmarks read it directly.
 *
 * Same seed and options ⇒ the same world, record for record.
 */
import { DEMO_AGENCIES, DEMO_REFERENCE_DATE, DEMO_SHARING_GROUPS, demoCenter } from './agencies.ts';
import { virginiaCounties } from './geography.ts';
import { Population } from './people.ts';
import { PLANTED, plantedWindows, type PlantedFacts } from './planted.ts';
import { hashString } from './random.ts';
import { recordStream, type StreamConfig } from './records.ts';
import { CRITICAL_INFRASTRUCTURE_SITES } from './sites.ts';
import type {
  CriticalInfrastructureSite,
  DemoAgency,
  DemoCenter,
  DemoRecord,
  DemoSharingGroup,
  DemoUser,
  GroundTruthRow,
} from './types.ts';
import { DEMO_USERS } from './users.ts';

export { DEMO_PASSWORD } from './users.ts';

export const DEFAULT_DEMO_RECORDS = 5_000;
export const DEFAULT_DEMO_SEED = 20_250_630;

export type DemoWorldOptions = {
  /** Any number or string; strings are hashed. */
  seed?: number | string;
  /** How many records the stream yields (default 5,000; the benchmark uses 1,000,000). */
  records?: number;
  /** The world's "now" (ISO); records span the two years before it. Never the real clock. */
  referenceDate?: string;
};

export type DemoWorld = {
  seed: number;
  recordCount: number;
  center: DemoCenter;
  agencies: readonly DemoAgency[];
  sharingGroups: readonly DemoSharingGroup[];
  users: readonly DemoUser[];
  sites: readonly CriticalInfrastructureSite[];
  /** A fresh pass over the records each call; memory stays flat however many there are. */
  records(): Iterable<DemoRecord>;
  /** One row per observation of every record, in record order (write it as NDJSON). */
  groundTruth(): Iterable<GroundTruthRow>;
  planted: PlantedFacts & { windows: ReturnType<typeof plantedWindows> };
};

export function normaliseSeed(seed: number | string): number {
  return typeof seed === 'number' ? seed >>> 0 : hashString(seed);
}

/** Ground truth rows for one record, for loaders that write records and truth in one pass. */
export function groundTruthOf(record: DemoRecord): GroundTruthRow[] {
  return record.entityKeys.map((entityKey, observationIndex) => ({
    sourceRecordId: record.sourceRecordId,
    observationIndex,
    entityKey,
  }));
}

function* truthStream(records: Iterable<DemoRecord>): Generator<GroundTruthRow> {
  for (const record of records) yield* groundTruthOf(record);
}

export function generateDemoWorld(options: DemoWorldOptions = {}): DemoWorld {
  const seed = normaliseSeed(options.seed ?? DEFAULT_DEMO_SEED);
  const recordCount = Math.max(0, Math.floor(options.records ?? DEFAULT_DEMO_RECORDS));
  const referenceDate = new Date(options.referenceDate ?? DEMO_REFERENCE_DATE).toISOString();
  const config: StreamConfig = {
    seed,
    records: recordCount,
    referenceMs: Date.parse(referenceDate),
    population: new Population(seed, recordCount, virginiaCounties()),
  };
  return {
    seed,
    recordCount,
    center: demoCenter(referenceDate),
    agencies: DEMO_AGENCIES,
    sharingGroups: DEMO_SHARING_GROUPS,
    users: DEMO_USERS,
    sites: CRITICAL_INFRASTRUCTURE_SITES,
    records: () => recordStream(config),
    groundTruth: () => truthStream(recordStream(config)),
    planted: { ...PLANTED, windows: plantedWindows(referenceDate) },
  };
}
