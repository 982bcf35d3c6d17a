/**
 * Benchmark worker for trends, one database per process: seeds the demo world, computes the
 * trends for the whole state over its two years (every behaviour category × every county,
 * and × H3 cells) as the fusion center's analyst and as its administrator, times it, and
 * scores the flags against what the world planted. Prints one JSON line. The seeded world is
 * kept (PGlite: a directory in the temp dir; PostgreSQL: database watchfloor_bench_trends_N_S)
 * so the next run only measures; `--fresh` seeds it again.
 *   node bench/trends-worker.ts --db pglite|postgres --records 100000 --seed 1 [--fresh]
 */
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../src/db/client.ts';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { seedDemoWorld } from '../src/demo/seed.ts';
import { generateDemoWorld } from '../src/demo/world.ts';
import { openInstance, type Opened } from '../src/main.ts';
import { getCenterSettings } from '../src/modules/center/center.service.ts';
import { systemClock } from '../src/shared/clock.ts';
import type { ServiceContext } from '../src/shared/context.ts';
import { computeTrends } from '../src/modules/trends/trends.service.ts';
import { createTrendsRepository } from '../src/modules/trends/trends.repository.ts';
import {
  MAX_SERIES,
  trendsQuerySchema,
  type RegionLevel,
  type TrendsQuery,
} from '../src/modules/trends/trends.schemas.ts';
import { weekNumberOf } from '../src/modules/trends/weeks.ts';
import { users } from '../src/modules/users/users.table.ts';
import { loadViewer } from '../src/modules/users/viewer-loader.ts';
import { clusterCells, evaluate, PlantedRecords } from './trends-evaluate.ts';
import { measure } from './stats.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'pglite' },
    records: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '1' },
    runs: { type: 'string', default: '5' },
    fresh: { type: 'boolean', default: false },
  },
});
const kind = values.db === 'postgres' ? 'postgres' : 'pglite';
const records = Number(values.records);
const seed = Number(values.seed);
const VIEWERS = ['analyst.vfc', 'admin.vfc'] as const;
const ADMIN_URL =
  process.env['WATCHFLOOR_BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const LEVELS = ['county', 'h3:4', 'h3:5'] as const;

/** The world is kept between runs (seeding is most of the time): `--fresh` seeds it again. */
const worldName = `watchfloor_bench_trends_${records}_${seed}`;
const dataDir = join(tmpdir(), `${worldName.replaceAll('_', '-')}-${kind}`);
const config = loadConfig({
  ...process.env,
  WATCHFLOOR_DATA_DIR: dataDir,
  DATABASE_URL: kind === 'postgres' ? postgresUrl(worldName) : undefined,
  WATCHFLOOR_LOG_LEVEL: 'warn',
});

async function openWorld(fresh: boolean): Promise<Opened> {
  if (fresh) rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  if (kind === 'postgres') await preparePostgresDatabase(worldName, fresh);
  const opened = await openInstance(config);
  const settings = await getCenterSettings(opened.database.db);
  const partial = await opened.database.db.execute(sql`select 1 from records limit 1`);
  if (settings['demo'] || (partial as { rows: unknown[] }).rows.length === 0) return opened;
  // A seed that was interrupted: start again.
  await opened.database.close();
  return openWorld(true);
}

const opened = await openWorld(values.fresh);
let t = performance.now();
console.error(`bench: trends on ${kind}: world of ${records} records in ${dataDir}…`);
const seeded = await seedDemoWorld(opened, { seed, records, retrain: false });
const seedSeconds = seeded.seeded ? (performance.now() - t) / 1000 : null;
// Planner statistics and the visibility map, as autovacuum keeps them on a live PostgreSQL
// (PGlite has no autovacuum; the test servers run without it): without them the planner
// guesses 500 rows for every range and ignores the behaviours index.
await opened.database.db.execute(sql`vacuum analyze records`);

const world = generateDemoWorld({ seed, records });
const reference = world.center.referenceDate;
const from = new Date(Date.parse(reference) - 104 * 7 * 86_400_000).toISOString();
const wholeState = (region: string) =>
  trendsQuerySchema.parse({ from, to: reference, region, limit: String(MAX_SERIES) });
const planted = new PlantedRecords();
for (const r of world.records()) planted.add(r);
const surgeRecords = planted.surge;
const clusters = new Map(
  LEVELS.map((l) => [l, clusterCells(planted.cluster, wholeState(l).region)]),
);

async function contextOf(username: string): Promise<ServiceContext> {
  const db = opened.database.db;
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  const viewer = await loadViewer(db, user!.id, null);
  return { db, viewer: viewer!, clientIp: null, clock: systemClock, centerId: opened.center.id };
}

const results = [];
for (const username of VIEWERS) {
  const ctx = await contextOf(username);
  for (const region of LEVELS) {
    const query = wholeState(region);
    t = performance.now();
    const answer = await computeTrends(ctx, query);
    const firstMs = performance.now() - t;
    const level: RegionLevel = query.region;
    const cluster = clusters.get(region) ?? new Set<string>();
    const latency = await measure(Number(values.runs), () =>
      computeTrends(ctx, query).then(() => undefined),
    );
    results.push({
      viewer: username,
      region,
      series: answer.seriesTotal,
      firstMs: Math.round(firstMs),
      latency,
      ...evaluate(answer, reference, level, { cluster, surgeRecords }),
    });
    console.error(`bench: trends ${kind} ${username} ${region}: ${latency.p50} ms p50`);
  }
}
const plan = await explainCounts(await contextOf(VIEWERS[0]), wholeState('county'));
await opened.database.close();
console.log(JSON.stringify({ db: kind, records, seed, seedSeconds, reference, results, plan }));

/** EXPLAIN ANALYZE of the counts query the service runs for this viewer and question. */
async function explainCounts(ctx: ServiceContext, query: TrendsQuery): Promise<string> {
  const captured: SQL[] = [];
  const capture = { execute: (q: SQL) => (captured.push(q), Promise.resolve({ rows: [] })) };
  const first = weekNumberOf(Date.parse(query.from!));
  await createTrendsRepository({ db: capture as unknown as Db, viewer: ctx.viewer }).weeklyCounts({
    series: query.series,
    region: query.region,
    firstWeek: first - query.baselineWeeks - query.guardWeeks,
    endWeek: weekNumberOf(Date.parse(query.to!)),
  });
  const [counts] = captured;
  if (!counts) throw new Error('the repository ran no query');
  const result = await ctx.db.execute(sql`explain (analyze, buffers, costs off) ${counts}`);
  return (result as { rows: { 'QUERY PLAN': string }[] }).rows
    .map((r) => r['QUERY PLAN'])
    .join('\n');
}

function postgresUrl(database: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

async function preparePostgresDatabase(database: string, fresh: boolean) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  if (fresh) await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  const exists = await client.query('select 1 from pg_database where datname = $1', [database]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${database}`);
  await client.end();
}
