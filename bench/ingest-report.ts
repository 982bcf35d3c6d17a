/**
 * The ingest benchmark's section of docs/benchmarks.md: a table per database, what was not
 * run and why, the profile summary, and notes whose figures come from this run.
 */
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import type { BaselineResult } from './ingest-baseline.ts';
import { DB_NAMES, GOALS, ingestNotes } from './ingest-notes.ts';
import type { ProfileSummary, Share } from './ingest-profile.ts';

/** One worker's JSON line (bench/ingest-worker.ts). */
export type IngestRun = {
  db: string;
  rowsRead: number;
  rowsCreated: number;
  rowsFailed: number;
  seconds: number;
  recordsPerSecond: number;
  nodeCpuSeconds: number;
  serverCpuSeconds: number | null;
  peakRssMiB: number;
  peakRssBeforeJobMiB: number;
  rssAtJobStartMiB: number;
  jobPeakRssMiB: number;
  records: number;
  observations: number;
  observationsPerRecord: number;
  entities: number;
  databaseMiB: number;
  baseline: BaselineResult;
  baselineRecordsPerSecond: number;
  parseOnlyRecordsPerSecond: number;
  /** Large jobs only: the rate over each tenth of the rows (bench/ingest-worker.ts). */
  growth?: { fromRows: number; toRows: number; recordsPerSecond: number; peakRssMiB: number }[];
};
export type Skipped = { db: string; records: number; projectedMinutes: number };
export type ReportInput = {
  machine: string;
  started: { at: Date; load: number[] };
  finishedLoad: number[];
  argv: string[];
  /** `codeState()` when the run started. */
  code: string;
  maxMinutes: number;
  runs: IngestRun[];
  skipped: Skipped[];
  profile: { db: string; records: number; summary: ProfileSummary; file: string } | undefined;
};

const n = (x: number) => x.toLocaleString('en-US');
/** Other work ran if, before this benchmark started, the load was half the cores or more. */
const busy = (l: number[]) => (l[0] ?? 0) >= cpus().length / 2;
const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(' / ');

function execFileSyncSafe(args: string[]): string {
  try {
    return execFileSync('git', args, { encoding: 'utf8' });
  } catch {
    return '';
  }
}

/** The commit and the uncommitted files under src/ and migrations/: call it when the run starts. */
export function codeState(): string {
  const git = (...args: string[]) => execFileSyncSafe(args).trim();
  const head = git('rev-parse', '--short', 'HEAD') || 'unknown';
  // This benchmark's own files aside; porcelain lines are "XY path".
  const dirty = execFileSyncSafe(['status', '--porcelain', '--', 'src', 'migrations'])
    .split('\n')
    .filter((l) => l.trim() !== '' && !/src\/demo\/(export-csv|demo-export)/.test(l));
  if (dirty.length === 0) return `\`${head}\``;
  const files = dirty.map((l) => `\`${l.slice(3)}\``);
  const shown = files.length > 8 ? [...files.slice(0, 8), '…'] : files;
  return `\`${head}\` plus uncommitted work in ${dirty.length} files under src/ and migrations/ (${shown.join(', ')})`;
}

function table(db: string, runs: IngestRun[]): string {
  const goal = n(GOALS[db] ?? 0);
  const rows = runs.map(
    (r) =>
      `| ${n(r.records)} | ${r.seconds} | **${n(r.recordsPerSecond)}** | ${n(r.baselineRecordsPerSecond)} | **${(r.recordsPerSecond / r.baselineRecordsPerSecond).toFixed(3)}** | ${n(r.parseOnlyRecordsPerSecond)} | ${r.observationsPerRecord} | ${r.nodeCpuSeconds} | ${r.serverCpuSeconds ?? '—'} | ${n(r.peakRssMiB)} (${n(r.jobPeakRssMiB)}) | ${n(r.databaseMiB)} |`,
  );
  const growth = runs.flatMap((r) => (r.growth?.length ? [growthTable(r)] : []));
  return `### ${DB_NAMES[db] ?? db}

| records | job s | records/s (goal ≥ ${goal}) | baseline records/s | ratio (goal ≥ 0.5) | parser alone records/s | observations per record | Node CPU s | PostgreSQL CPU s | peak RSS MiB: process (during job) | database MiB after job |
|---|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}
${growth.join('')}`;
}

/** How a large job's rate fell as the center grew, by tenth of its rows. */
function growthTable(r: IngestRun): string {
  const rows = (r.growth ?? []).map(
    (g) => `| ${n(g.fromRows)}–${n(g.toRows)} | ${n(g.recordsPerSecond)} | ${n(g.peakRssMiB)} |`,
  );
  return `
The ${n(r.records)}-record job by tenth of its rows (progress sampled every 5 s; the first tenth
also holds the structure-only pass over the whole file):

| records | records/s | process peak RSS MiB so far |
|---|---|---|
${rows.join('\n')}
`;
}

const shareRows = (shares: Share[]) =>
  shares
    .map((s) => `| ${s.name.replaceAll('|', '\\|')} | ${n(s.ms)} | ${s.percent} % |`)
    .join('\n');

function profileSection(p: NonNullable<ReportInput['profile']>): string {
  const s = p.summary;
  return `### Where the time goes: CPU profile of a ${n(p.records)}-record job on ${DB_NAMES[p.db] ?? p.db}

The V8 sampling profiler (what \`node --cpu-prof\` runs) around \`runIngestJob\` only, in the same
worker as above; ${(s.totalMs / 1000).toFixed(1)} s sampled. Each sample is charged to the innermost
pipeline stage on its stack (zod under \`validateRow\` is validation, under the CSV mapping it is
parsing); \`(idle)\` is the event loop waiting, which here means waiting for PostgreSQL.

| stage | ms | share |
|---|---|---|
${shareRows(s.stages)}

Top functions by self time:

| function | ms | share |
|---|---|---|
${shareRows(s.topFunctions)}`;
}

export function ingestReport(input: ReportInput): string {
  const dbs = [...new Set(input.runs.map((r) => r.db))];
  const skipped = input.skipped.map(
    (s) =>
      `- Not run: ${n(s.records)} records on ${DB_NAMES[s.db] ?? s.db} — at the rate measured above it would take about ${Math.round(s.projectedMinutes)} min (limit ${input.maxMinutes} min; resolution slows as the database grows, so that is optimistic). Peak RSS at that size is therefore not measured.`,
  );
  return `## End-to-end ingest (issue #3) — demo-world CSV through an ingest job, against a raw bulk insert

Machine: ${input.machine}. Run: ${input.started.at.toISOString().slice(0, 10)}. Command: \`npm run bench:ingest${input.argv.length > 0 ? ` -- ${input.argv.join(' ')}` : ''}\`.
Code measured: ${input.code} when the run started. Load average (1 / 5 / 15 min) ${load(input.started.load)} at the start and ${load(input.finishedLoad)} at the end${busy(input.started.load) ? `: other work was running on this ${cpus().length}-core host while it was measured` : ''}.

Each database runs in its own process: a fresh database (PGlite in a temporary directory;
PostgreSQL \`watchfloor_bench_ingest\`), an agency and a source created through the services, and
the demo world (seed 1) exported as one RMS-style CSV by \`src/demo/export-csv.ts\` (mapping
\`src/demo/demo-export.mapping.yaml\`: all seven record kinds in one file; up to two people, a
vehicle, a phone, an organisation, an e-mail, a place and a weapon per row). The file is ingested
as one job by \`runIngestJob\`, timed from call to return: its structure-only first pass, then
parse → validate → extract → resolve → correlate → commit in batches of 1,000 (one transaction each, with the
checkpoint and an audit event). All rows come from one source of one agency, so correlation never
finds another agency's record and makes no hits: its cost here is the lookup alone. Observations per record counts what was stored, narrative
extractions included. **Baseline**, in the same process after the job: the same file parsed
again by the same parser and its bodies inserted unchanged into a scratch table without indexes
(\`bench_raw(id, source_record_id, body jsonb)\`), 1,000 rows per INSERT with one JSON parameter
(\`bulkInsert\`); its rate counts only time inside the INSERTs, and the parse time of that pass
gives "parser alone". Ratio = pipeline ÷ baseline.

${dbs
  .map((db) =>
    table(
      db,
      input.runs.filter((r) => r.db === db),
    ),
  )
  .join('\n\n')}
${skipped.length > 0 ? `\n${skipped.join('\n')}\n` : ''}
${input.profile ? profileSection(input.profile) : ''}

${ingestNotes(input)}
`;
}
