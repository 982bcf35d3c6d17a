/**
 * `npm run bench`: runs each benchmark worker in its own process and writes the figures to
 * docs/benchmarks.md. Options: --records N (default 100000), --only pglite|postgres.
 */
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { describeMachine } from './machine.ts';
import { writeSection } from './report.ts';
import type { Latency } from './stats.ts';

const { values } = parseArgs({
  options: { records: { type: 'string', default: '100000' }, only: { type: 'string' } },
});
const kinds = values.only ? [values.only] : ['pglite', 'postgres'];

type PlatformResult = {
  db: string;
  records: number;
  seedSeconds: number;
  recordsPerSecond: number;
  peakRssMiB: number;
} & Record<string, Latency | number | string>;
const results: PlatformResult[] = [];
for (const db of kinds) {
  console.error(`bench: platform on ${db} with ${values.records} records…`);
  const out = execFileSync(
    process.execPath,
    ['bench/platform.ts', '--db', db, '--records', values.records],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 },
  );
  const last = out.trim().split('\n').at(-1) ?? '{}';
  results.push(JSON.parse(last) as PlatformResult);
}

const lat = (r: PlatformResult, key: string) => r[key] as Latency;
const ratio = (a: Latency, b: Latency) => (a.p95 / b.p95).toFixed(2);
const rows = results.map((r) => {
  const aGet = lat(r, 'adminGetById');
  const rGet = lat(r, 'restrictiveGetById');
  const aList = lat(r, 'adminFilteredList');
  const rList = lat(r, 'restrictiveFilteredList');
  return `| ${r.db} | ${r.records.toLocaleString('en-US')} | ${r.recordsPerSecond.toLocaleString('en-US')} | ${aGet.p50} / ${aGet.p95} | ${rGet.p50} / ${rGet.p95} | ${ratio(rGet, aGet)} | ${aList.p50} / ${aList.p95} | ${rList.p50} / ${rList.p95} | ${ratio(rList, aList)} | ${r.peakRssMiB} |`;
});

writeSection(
  'platform',
  `## Platform spine (issue #2) — demo world load, record reads, visibility cost

Machine: ${describeMachine()}. Run: ${new Date().toISOString().slice(0, 10)}.

Each database runs in its own process: seed the demo world (agencies, users, ${values.records} records with
their observations, version 1 and one audit event per batch of 1,000), then serve it and send
sequential requests over real HTTP on loopback. Every request authenticates a bearer token, reads
the viewer fresh from the database, joins the visibility predicate and appends its audit event in
the same transaction. Latencies in milliseconds (p50 / p95); the ratio is restrictive p95 ÷ admin
p95 (goal ≤ 1.5). Admin = \`admin.vfc\` (fusion center, every attribute); restrictive = a
private-sector partner (partner role, no LES/PII, private agency).

| database | records | load records/s | GET /records/{id} admin | … restrictive | ratio | filtered list admin | … restrictive | ratio | peak RSS MiB |
|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}
`,
);
console.error('bench: wrote docs/benchmarks.md');
