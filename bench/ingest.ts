/**
 * `npm run bench:ingest`: end-to-end ingest throughput (issue #3). Exports the demo world as
 * an RMS CSV once per size, runs one worker process per database and size (the job through
 * the real runner, then the raw bulk-insert baseline), profiles one smaller job, and writes
 * the figures to docs/benchmarks.md.
 *   node bench/ingest.ts [--records 100000,1000000] [--only pglite|postgres]
 *     [--max-minutes 15] [--profile-records 20000 (0: none)] [--profile-db postgres]
 * A larger size is skipped for a database when its rate at the smaller one says the job
 * would take longer than --max-minutes.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { exportDemoCsv } from '../src/demo/export-csv.ts';
import { describeMachine } from './machine.ts';
import { codeState, ingestReport, type IngestRun, type Skipped } from './ingest-report.ts';
import type { ProfileSummary } from './ingest-profile.ts';
import { serverSettings } from './postgres-admin.ts';
import { writeSection } from './report.ts';

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '100000,1000000' },
    only: { type: 'string' },
    'max-minutes': { type: 'string', default: '15' },
    'profile-records': { type: 'string', default: '20000' },
    'profile-db': { type: 'string', default: 'postgres' },
  },
});
const sizes = values.records
  .split(',')
  .map(Number)
  .sort((a, b) => a - b);
const kinds = values.only ? [values.only] : ['postgres', 'pglite'];
const maxSeconds = Number(values['max-minutes']) * 60;
const profileRecords = Number(values['profile-records']);
const SEED = 1;
const dir = mkdtempSync(join(tmpdir(), 'watchfloor-bench-ingest-csv-'));
const started = { at: new Date(), load: loadavg() };
const code = codeState();

const log = (message: string) => {
  console.error(`bench:ingest: ${message}`);
};

async function exportCsv(records: number): Promise<string> {
  const path = join(dir, `demo-${records}.csv`);
  const t = performance.now();
  const { bytes } = await exportDemoCsv(path, { seed: SEED, records });
  const seconds = ((performance.now() - t) / 1000).toFixed(0);
  log(`exported ${records} records (${(bytes / 2 ** 20).toFixed(0)} MiB) in ${seconds} s`);
  return path;
}

function worker(db: string, csv: string, extra: string[] = []): Record<string, unknown> {
  const out = execFileSync(
    process.execPath,
    ['bench/ingest-worker.ts', '--db', db, '--csv', csv, ...extra],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 },
  );
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
}

const runs: IngestRun[] = [];
const skipped: Skipped[] = [];
try {
  const rates = new Map<string, number>();
  for (const records of sizes) {
    const wanted = kinds.filter((db) => {
      const rate = rates.get(db);
      const projected = rate === undefined ? 0 : records / rate;
      if (projected > maxSeconds) skipped.push({ db, records, projectedMinutes: projected / 60 });
      return projected <= maxSeconds;
    });
    if (wanted.length === 0) continue;
    const csv = await exportCsv(records);
    for (const db of wanted) {
      log(`${db}, ${records} records…`);
      const run = worker(db, csv) as IngestRun;
      log(`${db}: ${run.recordsPerSecond} records/s, baseline ${run.baselineRecordsPerSecond}`);
      runs.push(run);
      rates.set(db, run.recordsPerSecond);
    }
    rmSync(csv, { force: true });
  }
  let profile: { db: string; records: number; summary: ProfileSummary; file: string } | undefined;
  if (profileRecords > 0) {
    const db = values['profile-db'];
    const csv = await exportCsv(profileRecords);
    const file = join(tmpdir(), `watchfloor-ingest-${db}-${profileRecords}.cpuprofile`);
    log(`profiling ${db}, ${profileRecords} records…`);
    const run = worker(db, csv, ['--profile', file]);
    profile = { db, records: profileRecords, summary: run['profile'] as ProfileSummary, file };
    log(`profile written to ${file} (open it in Chrome DevTools → Performance)`);
  }
  writeSection(
    'ingest',
    ingestReport({
      machine: kinds.includes('postgres')
        ? `${describeMachine()}. ${await serverSettings()}`
        : describeMachine(),
      started,
      finishedLoad: loadavg(),
      argv: process.argv.slice(2),
      code,
      maxMinutes: maxSeconds / 60,
      runs,
      skipped,
      profile,
    }),
  );
  log('wrote docs/benchmarks.md');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
