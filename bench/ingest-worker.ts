/**
 * Ingest benchmark worker, one database per process (so peak RSS is its own): a fresh
 * database, an agency and a source made through the services, then the demo-world CSV as one
 * ingest job run to the end by the real runner (parse → validate → extract → resolve →
 * commit: whatever the pipeline does today), then the raw bulk-insert baseline of the same
 * rows. Prints one JSON line.
 *   node bench/ingest-worker.ts --db pglite|postgres --csv FILE [--profile OUT.cpuprofile]
 *     [--keep-database]   (PostgreSQL: leave watchfloor_bench_ingest for inspection)
 */
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { loadConfig } from '../src/config.ts';
import type { Db } from '../src/db/client.ts';
import { queryRows } from '../src/db/raw.ts';
import { openInstance, type Opened } from '../src/main.ts';
import { readDemoCsvMapping } from '../src/demo/export-csv.ts';
import { createAgency } from '../src/modules/agencies/agencies.service.ts';
import { systemViewer } from '../src/modules/center/center.service.ts';
import { runIngestJob } from '../src/modules/ingest/ingest-runner.ts';
import { createIngestJob } from '../src/modules/ingest/ingest.service.ts';
import { ingestJobs } from '../src/modules/ingest/ingest.table.ts';
import { createSource } from '../src/modules/sources/sources.service.ts';
import { systemClock } from '../src/shared/clock.ts';
import type { ServiceContext } from '../src/shared/context.ts';
import { runBaseline } from './ingest-baseline.ts';
import { summariseProfile, type CpuProfile } from './ingest-profile.ts';
import { adminQuery, recreateDatabase } from './postgres-admin.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    csv: { type: 'string' },
    profile: { type: 'string' },
    'keep-database': { type: 'boolean', default: false },
  },
});
const kind = values.db === 'postgres' ? 'postgres' : 'pglite';
if (!values.csv) throw new Error('--csv FILE is required');
const csvPath = values.csv;
const mapping = readDemoCsvMapping();
const DB_NAME = 'watchfloor_bench_ingest';
/** Jobs at least this large report their rate by tenth of the file (the center growing). */
const GROWTH_MIN_ROWS = 200_000;

const dataDir = await mkdtemp(join(tmpdir(), 'watchfloor-bench-ingest-'));
const databaseUrl = kind === 'postgres' ? await recreateDatabase(DB_NAME) : undefined;
const config = loadConfig({
  ...process.env,
  WATCHFLOOR_DATA_DIR: dataDir,
  DATABASE_URL: databaseUrl,
  WATCHFLOOR_LOG_LEVEL: 'warn',
});
const opened = await openInstance(config);
const { db } = opened.database;
const job = await createJob(opened);

await db.execute(sql`checkpoint`);
const peakRssBeforeJobMiB = Math.round(process.resourceUsage().maxRSS / 1024);
const server = kind === 'postgres' ? await serverCpu(db) : undefined;
const profiler = values.profile ? await startProfiler() : undefined;
const rss = sampleRss();
const progress = sampleProgress(db, job.id, rss.peak);
const cpuBefore = process.cpuUsage();
const start = performance.now();
await runIngestJob(
  { db, clock: systemClock, center: opened.center, kind: opened.database.kind },
  job,
);
const seconds = (performance.now() - start) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const jobRss = rss.stop();
const profile = profiler ? await profiler.stop() : undefined;
const serverCpuSeconds = server ? await server.since() : null;
const peakRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);

const [done] = await db.select().from(ingestJobs).where(eq(ingestJobs.id, job.id));
if (done?.status !== 'succeeded') throw new Error(`the job ended ${done?.status ?? 'missing'}`);
const growth = progress.stop({ seconds, rows: done.rowsRead });
const stored = await storedCounts(db);
const result: Record<string, unknown> = {
  db: kind,
  rowsRead: done.rowsRead,
  rowsCreated: done.rowsCreated,
  rowsFailed: done.rowsFailed,
  seconds: round(seconds),
  recordsPerSecond: Math.round(done.rowsCreated / seconds),
  nodeCpuSeconds: round((cpu.user + cpu.system) / 1e6),
  serverCpuSeconds,
  peakRssMiB,
  peakRssBeforeJobMiB,
  ...jobRss,
  ...stored,
  ...(done.rowsCreated >= GROWTH_MIN_ROWS ? { growth } : {}),
};
if (profile && values.profile) {
  await writeFile(values.profile, JSON.stringify(profile));
  result['profile'] = summariseProfile(profile);
} else {
  const baseline = await runBaseline(db, csvPath, mapping);
  result['baseline'] = baseline;
  result['baselineRecordsPerSecond'] = Math.round(baseline.rows / baseline.insertSeconds);
  result['parseOnlyRecordsPerSecond'] = Math.round(baseline.rows / baseline.parseSeconds);
}
await opened.database.close();
await rm(dataDir, { recursive: true, force: true });
if (kind === 'postgres' && !values['keep-database'])
  await adminQuery(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
console.log(JSON.stringify(result));

/** An agency and its RMS source through the services, then the job (the CSV is copied in). */
async function createJob(o: Opened) {
  const ctx: ServiceContext = {
    db: o.database.db,
    viewer: systemViewer(o.center, 'ingest benchmark'),
    clientIp: null,
    clock: systemClock,
    centerId: o.center.id,
  };
  const agency = await createAgency(ctx, {
    name: 'Benchmark County Police Department',
    discipline: 'law_enforcement',
    level: 'local',
    ori: 'VA0990000',
    jurisdiction: 'Benchmark County, VA',
    pointsOfContact: [{ name: 'Records Unit', email: 'records@bench.example' }],
  });
  const source = await createSource(ctx, {
    agencyId: agency.id,
    name: 'RMS export',
    description: 'The demo world as a records-management CSV export (bench/ingest.ts)',
    defaultMarkings: {
      tlp: 'AMBER',
      caveats: ['LES'],
      partnerShare: 'full',
      networkShare: 'none',
      releasableTo: [],
    },
  });
  return createIngestJob(ctx, config.dataDir, {
    sourceId: source.id,
    format: 'csv',
    fileName: 'demo-world.csv',
    mapping,
    dryRun: false,
    writeFile: (path) => copyFile(csvPath, path),
  });
}

/** What the job left in the database: observations per record, and resolution if it ran. */
async function storedCounts(database: Db) {
  const [row] = await queryRows<Record<string, string | null>>(
    database,
    sql`select
      (select count(*) from records)::text as records,
      (select count(*) from observations)::text as observations,
      (select count(*) from entities)::text as entities,
      pg_database_size(current_database())::text as bytes,
      to_regclass('observation_keys')::text as keys_table`,
  );
  const records = Number(row?.['records']);
  const observations = Number(row?.['observations']);
  return {
    records,
    observations,
    observationsPerRecord: round(observations / records),
    entities: Number(row?.['entities']),
    resolutionTables: row?.['keys_table'] !== null,
    databaseMiB: Math.round(Number(row?.['bytes']) / 2 ** 20),
  };
}

/**
 * RSS while the job runs, sampled every 100 ms: the process-wide peak also holds PGlite's
 * start-up, which allocates more than it keeps.
 */
function sampleRss() {
  const mib = () => Math.round(process.memoryUsage.rss() / 2 ** 20);
  const atStart = mib();
  let peak = atStart;
  const timer = setInterval(() => {
    peak = Math.max(peak, mib());
  }, 100);
  return {
    peak: () => peak,
    stop: () => {
      clearInterval(timer);
      return { rssAtJobStartMiB: atStart, jobPeakRssMiB: Math.max(peak, mib()) };
    },
  };
}

/**
 * Rows committed every 5 s (read from the job's own progress row) with the RSS peak so far,
 * turned at the end into the rate over each tenth of the rows (interpolated between samples):
 * resolution slows as the center grows, and one average hides how.
 */
function sampleProgress(database: Db, jobId: string, peakRssMiB: () => number) {
  const start = performance.now();
  const samples: { seconds: number; rows: number; rssMiB: number }[] = [];
  const timer = setInterval(() => {
    const peak = peakRssMiB();
    void database
      .select({ rows: ingestJobs.rowsRead })
      .from(ingestJobs)
      .where(eq(ingestJobs.id, jobId))
      .then(([row]) => {
        samples.push({
          seconds: (performance.now() - start) / 1000,
          rows: row?.rows ?? 0,
          rssMiB: peak,
        });
      });
  }, 5_000);
  return {
    /** The job's own end closes the samples: the last poll may be up to 5 s behind it. */
    stop: (end: { seconds: number; rows: number }) => {
      clearInterval(timer);
      return growthOf([...samples, { ...end, rssMiB: peakRssMiB() }]);
    },
  };
}

function growthOf(samples: readonly { seconds: number; rows: number; rssMiB: number }[]) {
  const last = samples.at(-1);
  if (!last || last.rows === 0) return [];
  const timeAt = (rows: number) => {
    const i = samples.findIndex((x) => x.rows >= rows);
    const b = samples[i]!;
    const a = i > 0 ? samples[i - 1]! : { seconds: 0, rows: 0 };
    return a.seconds + ((b.seconds - a.seconds) * (rows - a.rows)) / Math.max(1, b.rows - a.rows);
  };
  const tenth = last.rows / 10;
  return Array.from({ length: 10 }, (_, k) => {
    const [from, to] = [k * tenth, (k + 1) * tenth];
    const seconds = timeAt(to) - (k === 0 ? 0 : timeAt(from));
    const peakRssMiB = samples.find((x) => x.rows >= to)?.rssMiB ?? last.rssMiB;
    return {
      fromRows: Math.round(from),
      toRows: Math.round(to),
      recordsPerSecond: Math.round(tenth / seconds),
      peakRssMiB,
    };
  });
}

/** The V8 CPU profiler around the job only (the same profile `node --cpu-prof` writes). */
async function startProfiler() {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    stop: async (): Promise<CpuProfile> => {
      const { profile } = await session.post('Profiler.stop');
      session.disconnect();
      return profile as unknown as CpuProfile;
    },
  };
}

/**
 * CPU the PostgreSQL backends of this database used while the job ran, from /proc (the
 * server runs on this machine); null when /proc cannot be read.
 */
async function serverCpu(database: Db) {
  const ticks = (pid: number) => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return Number(fields[11]) + Number(fields[12]); // utime + stime, in 1/100 s
    } catch {
      return undefined;
    }
  };
  const backends = async () =>
    (
      await queryRows<{ pid: number }>(
        database,
        sql`select pid from pg_stat_activity where datname = current_database()`,
      )
    ).map((r) => r.pid);
  const before = new Map((await backends()).map((pid) => [pid, ticks(pid) ?? 0]));
  return {
    since: async () => {
      const used = (await backends()).flatMap((pid) => {
        const t = ticks(pid);
        return t === undefined ? [] : [t - (before.get(pid) ?? 0)];
      });
      return used.length > 0 ? round(used.reduce((a, b) => a + b, 0) / 100) : null;
    },
  };
}

function round(x: number) {
  return Math.round(x * 10) / 10;
}
