/**
 * The persistent demo world the analysis benchmarks (issue #4) and the 1M-record figures of
 * issue #3 run against, built once per database and size and reused: seeding a million
 * records takes longer than every query measured on them. The seed goes through the real
 * write path (validation, extraction, resolution, correlation); `seedDemoWorld` marks a
 * database that holds a whole world, so a build cut short is started again from scratch.
 *   node bench/world.ts --db postgres|pglite --records 1000000 [--seeded 240000]
 * Prints one JSON line: where the world is and, when this run seeded it, how fast.
 */
import { mkdirSync, rmSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../src/config.ts';
import { openInstance } from '../src/main.ts';
import { seedDemoWorld } from '../src/demo/seed.ts';
import { databaseExists, databaseUrl, recreateDatabase } from './postgres-admin.ts';
import { replicateWorld } from './world-replicate.ts';

export type WorldLocation = { db: 'postgres' | 'pglite'; records: number; config: Config };

const worldDatabase = (records: number) => `watchfloor_bench_world_${records}`;
const CACHE =
  process.env['WATCHFLOOR_BENCH_CACHE'] ?? join(homedir(), '.cache', 'watchfloor-bench');

/** Where the world of this database and size lives (a PostgreSQL database or a data dir). */
export function worldLocation(db: 'postgres' | 'pglite', records: number): WorldLocation {
  const dataDir = join(CACHE, `world-${db}-${records}`);
  const config = loadConfig({
    ...process.env,
    PORT: '0',
    WATCHFLOOR_DATA_DIR: dataDir,
    DATABASE_URL: db === 'postgres' ? databaseUrl(worldDatabase(records)) : undefined,
    WATCHFLOOR_LOG_LEVEL: 'warn',
  });
  return { db, records, config };
}

const statsFile = (w: WorldLocation) => join(CACHE, `world-${w.db}-${w.records}.json`);

/** How the world was loaded, as recorded by the run that seeded it. */
export function worldStats(w: WorldLocation): Record<string, unknown> | undefined {
  const file = statsFile(w);
  return existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)
    : undefined;
}

async function fresh(w: WorldLocation) {
  rmSync(w.config.dataDir, { recursive: true, force: true });
  mkdirSync(w.config.dataDir, { recursive: true });
  if (w.db !== 'postgres') return;
  await recreateDatabase(worldDatabase(w.records));
}

async function exists(w: WorldLocation): Promise<boolean> {
  if (!worldStats(w)) return false;
  if (w.db === 'pglite') return existsSync(w.config.dataDir);
  return databaseExists(worldDatabase(w.records));
}

/**
 * Seeds the world unless a complete one is already there. With `seeded` below `records`
 * the first `seeded` records of the world go through the write path and
 * world-replicate.ts copies them to size: seeding a million records through resolution takes
 * longer than a session, every record being resolved against all before it.
 */
export async function ensureWorld(w: WorldLocation, log: (m: string) => void, seeded = w.records) {
  if (await exists(w)) return worldStats(w);
  await fresh(w);
  const opened = await openInstance(w.config);
  const start = performance.now();
  let firstBatch: { at: number; done: number } | undefined;
  let last = 0;
  await seedDemoWorld(opened, {
    seed: 1,
    records: w.records,
    limit: seeded,
    // The model stays the untrained prior: retraining a million records is its own job.
    retrain: false,
    onProgress: (done) => {
      last = performance.now();
      firstBatch ??= { at: last, done };
      if (done % 50_000 === 0) log(`${w.db}: ${done} records seeded`);
    },
  });
  const seedSeconds = Math.round((performance.now() - start) / 100) / 10;
  // Timed from the first batch's commit, so start-up and migrations are left out.
  const recordsPerSecond =
    firstBatch && last > firstBatch.at
      ? Math.round((seeded - firstBatch.done) / ((last - firstBatch.at) / 1000))
      : Math.round(seeded / seedSeconds);
  const stats: Record<string, unknown> = {
    seededAt: new Date().toISOString(),
    seedSeconds,
    recordsPerSecond,
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  if (seeded < w.records) {
    const copyStart = performance.now();
    await replicateWorld(opened.database.db, w.records, (m) => {
      log(`${w.db}: ${m}`);
    });
    const copySeconds = Math.round((performance.now() - copyStart) / 1000);
    stats['how'] =
      `The demo world (seed 1, generated for ${w.records.toLocaleString('en-US')} records) seeded through the real write path ` +
      `for its first ${seeded.toLocaleString('en-US')} records (${seedSeconds} s, ${recordsPerSecond} records/s, every record ` +
      `resolved against all before it), then grown to ${w.records.toLocaleString('en-US')} by \`bench/world-replicate.ts\` ` +
      `(${copySeconds} s): copies of those records with their own ids, entities, observations and blocking keys, so ` +
      `counts, facets, hotspots and trends are those of the full size while graph neighbourhoods keep their seeded size`;
  }
  await opened.database.close();
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(statsFile(w), JSON.stringify(stats));
  return stats;
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      db: { type: 'string', default: 'postgres' },
      records: { type: 'string', default: '1000000' },
      seeded: { type: 'string' },
    },
  });
  const w = worldLocation(values.db === 'pglite' ? 'pglite' : 'postgres', Number(values.records));
  const stats = await ensureWorld(
    w,
    (m) => {
      console.error(`bench:world: ${m}`);
    },
    Number(values.seeded ?? values.records),
  );
  console.log(JSON.stringify({ db: w.db, records: w.records, ...stats }));
}
