/**
 * Benchmark worker for issue #2, one database per process (so peak RSS is its own): seeds
 * the demo world, serves it over real HTTP and measures record reads and filtered lists for
 * an unrestricted admin and for a restrictive partner. Prints one JSON line.
 *   node bench/platform.ts --db pglite|postgres --records 100000
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { openInstance, serve } from '../src/main.ts';
import { seedDemoWorld } from '../src/demo/seed.ts';
import { measureHitLatency } from './hit-latency.ts';
import { measure } from './stats.ts';
import { tokenFor } from './tokens.ts';
import { recreateDatabase } from './postgres-admin.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    records: { type: 'string', default: '100000' },
    requests: { type: 'string', default: '400' },
  },
});
const kind = values.db === 'postgres' ? 'postgres' : 'pglite';
const records = Number(values.records);
const requests = Number(values.requests);
const ADMIN = 'admin.vfc';
const RESTRICTIVE = 'partner.port';
const ARRIVING = 'analyst.vsp';

const dataDir = mkdtempSync(join(tmpdir(), 'watchfloor-bench-'));
const databaseUrl = kind === 'postgres' ? await recreateDatabase('watchfloor_bench') : undefined;
const config = loadConfig({
  ...process.env,
  PORT: '0',
  WATCHFLOOR_DATA_DIR: dataDir,
  DATABASE_URL: databaseUrl,
  WATCHFLOOR_LOG_LEVEL: 'warn',
});
const opened = await openInstance(config);
const seedStart = performance.now();
// The records phase is timed from the first batch committed to the last, so account set-up
// (argon2id hashing of ~60 demo passwords) does not count against the load rate.
let firstBatch: { at: number; done: number } | undefined;
let lastBatchAt = 0;
await seedDemoWorld(opened, {
  seed: 1,
  records,
  // The write path is measured, as before the demo retrained after seeding.
  retrain: false,
  onProgress: (done) => {
    lastBatchAt = performance.now();
    firstBatch ??= { at: lastBatchAt, done };
  },
});
const seedSeconds = (performance.now() - seedStart) / 1000;
const recordsPhase = firstBatch
  ? (records - firstBatch.done) / ((lastBatchAt - firstBatch.at) / 1000)
  : 0;
const server = await serve(config, opened);

const admin = await tokenFor(opened, ADMIN);
const partner = await tokenFor(opened, RESTRICTIVE);
const get = async (token: string, path: string) => {
  const res = await fetch(server.url + path, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as { id?: string; items?: { id: string }[] };
};
const sampleIds = async (token: string) =>
  (await get(token, '/api/v1/records?limit=500')).items!.map((r) => r.id);
const filters = [
  'kind=sar',
  'kind=incident&occurredAfter=2024-09-01T00:00:00Z',
  'kind=tip&occurredBefore=2024-12-31T00:00:00Z',
  'occurredAfter=2025-03-01T00:00:00Z&occurredBefore=2025-04-01T00:00:00Z',
  'status=submitted',
];

const result: Record<string, unknown> = {
  db: kind,
  records,
  seedSeconds: round(seedSeconds),
  recordsPerSecond: Math.round(recordsPhase),
};
for (const [name, token] of [
  ['admin', admin],
  ['restrictive', partner],
] as const) {
  const ids = await sampleIds(token);
  await measure(50, (i) =>
    get(token, `/api/v1/records/${ids[i % ids.length]!}`).then(() => undefined),
  ); // warm-up
  result[`${name}VisibleSample`] = ids.length;
  result[`${name}GetById`] = await measure(requests, (i) =>
    get(token, `/api/v1/records/${ids[(i * 7919) % ids.length]!}`).then(() => undefined),
  );
  result[`${name}FilteredList`] = await measure(requests, (i) =>
    get(token, `/api/v1/records?limit=50&${filters[i % filters.length]!}`).then(() => undefined),
  );
}
// Hit latency: the host agency's admin owns the subject, a partner agency's analyst arrives.
const arriving = await tokenFor(opened, ARRIVING);
result['hitLatency'] = await measureHitLatency(
  server.url,
  { authorization: `Bearer ${admin}` },
  { authorization: `Bearer ${arriving}` },
  40,
);
result['peakRssMiB'] = Math.round(process.resourceUsage().maxRSS / 1024);
await server.stop();
rmSync(dataDir, { recursive: true, force: true });
console.log(JSON.stringify(result));

function round(x: number) {
  return Math.round(x * 10) / 10;
}
