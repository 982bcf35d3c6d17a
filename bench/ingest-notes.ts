/**
 * The notes under the ingest tables. Every figure is taken from the run being reported; the
 * reading of them (which function does what) is from the code as it stood when this was
 * written, and names the functions so it can be checked against the profile.
 */
import type { IngestRun, ReportInput } from './ingest-report.ts';

export const GOALS: Record<string, number> = { postgres: 10_000, pglite: 3_000 };
export const DB_NAMES: Record<string, string> = { postgres: 'PostgreSQL', pglite: 'PGlite' };

const GB_MIB = 1e9 / 2 ** 20; // the goal's 1 GB, in the MiB the tables use
const n = (x: number) => Math.round(x).toLocaleString('en-US');
const pct = (x: number) => `${Math.round(x * 100)} %`;
const name = (db: string) => DB_NAMES[db] ?? db;

function largest(runs: IngestRun[], db: string): IngestRun | undefined {
  return runs.filter((r) => r.db === db).sort((a, b) => b.records - a.records)[0];
}

function verdicts(runs: IngestRun[]): string[] {
  return Object.keys(GOALS).flatMap((db) => {
    const r = largest(runs, db);
    if (!r) return [];
    const goal = GOALS[db]!;
    const ratio = r.recordsPerSecond / r.baselineRecordsPerSecond;
    const rate =
      r.recordsPerSecond >= goal
        ? `meets the goal of ${n(goal)}`
        : `is ${(goal / r.recordsPerSecond).toFixed(1)}× short of the goal of ${n(goal)}`;
    return [
      `**${name(db)}** at ${n(r.records)} records: ${n(r.recordsPerSecond)} records/s ${rate}; ` +
        `the ratio to the raw insert is ${ratio.toFixed(3)} (goal ≥ 0.5${ratio >= 0.5 ? ', met' : `, ${(0.5 / ratio).toFixed(0)}× short`}); ` +
        `${r.rowsFailed} rows failed.`,
    ];
  });
}

function cpuNotes(runs: IngestRun[]): string[] {
  const pg = largest(runs, 'postgres');
  const lite = largest(runs, 'pglite');
  const notes: string[] = [];
  if (pg) {
    const perRecord = (s: number) => ((s / pg.rowsCreated) * 1000).toFixed(2);
    const nodeShare = pg.nodeCpuSeconds / pg.seconds;
    const headline =
      nodeShare >= 0.6
        ? "**The job is bound by Node's CPU, on one thread, and never overlaps with the database.**"
        : '**Node and the database take turns.**';
    notes.push(
      `${headline} On PostgreSQL the Node process used ${pg.nodeCpuSeconds} s of CPU (all its threads: JavaScript, GC and compiler helpers) in a ${pg.seconds} s job (${pct(nodeShare)}) and the server's backends ${pg.serverCpuSeconds ?? '?'} s: about ${perRecord(pg.nodeCpuSeconds)} ms of Node CPU and ${perRecord(pg.serverCpuSeconds ?? 0)} ms of PostgreSQL CPU per record. The two never overlap: \`streamBatches\` (ingest-runner.ts) awaits each batch's commit before it reads the next row, and within a batch every statement is awaited in turn. The raw insert shows the database itself is not the limit: ${n(pg.baselineRecordsPerSecond)} records/s for the same bodies.`,
    );
    notes.push(
      `**The parser alone runs at ${n(pg.parseOnlyRecordsPerSecond)} records/s** (csv-parse, the guard and the mapping: \`parseCsv\` → \`buildBody\`), and \`runIngestJob\` runs it twice — the structure-only first pass builds every body too — so parsing costs about ${((2 * pg.rowsCreated) / pg.parseOnlyRecordsPerSecond).toFixed(1)} s of this job before any validation, extraction or resolution.${pg.parseOnlyRecordsPerSecond < (GOALS['postgres'] ?? 0) ? ' On one thread the PostgreSQL goal is out of reach for the parser by itself.' : ''}`,
    );
    notes.push(
      `**Bytes written**: the job left a ${n(pg.databaseMiB)} MiB database for ${n(pg.records)} records (${pg.observationsPerRecord} observations each: records, entities, observations, blocking keys, the version-1 snapshot that repeats record and observations, audit, and their indexes); the baseline table holding the same bodies is ${n(pg.baseline.tableMiB)} MiB.`,
    );
  }
  if (lite) {
    notes.push(
      `**PGlite runs PostgreSQL inside the Node thread** (WebAssembly), so its database work runs on the same thread as the pipeline: ${lite.nodeCpuSeconds} s of process CPU in a ${lite.seconds} s job. Before the job the process had already peaked at ${n(lite.peakRssBeforeJobMiB)} MiB (PGlite allocates more while it starts and migrates than it keeps); during the job RSS went from ${n(lite.rssAtJobStartMiB)} to at most ${n(lite.jobPeakRssMiB)} MiB, and the process peak is ${n(lite.peakRssMiB)} MiB. ${lite.peakRssBeforeJobMiB >= GB_MIB ? 'Measured as process peak RSS, the < 1 GB goal therefore fails on PGlite at start-up, whatever the ingest does. ' : ''}On PostgreSQL the process peaked at ${pg ? n(pg.peakRssMiB) : '—'} MiB.`,
    );
  }
  return notes;
}

function profileNotes(input: ReportInput): string[] {
  const p = input.profile;
  if (!p) return [];
  const share = (prefix: string) =>
    p.summary.stages.find((s) => s.name.startsWith(prefix))?.percent ?? 0;
  const top = p.summary.stages
    .filter((s) => !s.name.startsWith('('))
    .slice(0, 4)
    .map((s) => `${s.name} ${s.percent} %`)
    .join(', ');
  return [
    `**In the profile** the largest stages are ${top}; the event loop is idle (waiting on PostgreSQL) ${share('(idle)')} % of the time and the garbage collector takes ${share('(garbage collector)')} %.`,
  ];
}

const RAISE = [
  '**Overlap Node and the database.** Let `streamBatches` read, validate and extract batch *n + 1* while batch *n* commits (one batch in flight, checkpoint order unchanged). Ingest time becomes the larger of the two instead of their sum — on PostgreSQL that is the whole idle share of the profile.',
  '**Take the per-row CPU off the main thread.** Parsing, `validateRow`, `contentHashOf`, `withExtractions` and the resolution features (`blockingKeys`, `prepare`) are pure functions of a row: a `worker_threads` pool fed with raw CSV chunks (or row batches) and returning `ValidRow`s in sequence order scales them with cores, while commits stay ordered on the main thread. Nothing else reaches the PostgreSQL goal: the parser alone is slower than it on one core.',
  '**Parse once.** The first pass of `runIngestJob` needs only what can fail the whole file (for CSV: the header and the row-size backstop), which `readCsvRecords` finds without `buildBody`; or spool the parsed rows of the first pass. Either removes most of one parse.',
  "**Resolution (`src/modules/resolution/incremental.ts`, `resolve.ts`):** `scoreAgainstEntities` calls `prepare()` on every stored candidate again for every new observation that reaches it, and `typeModelOf` rebuilds priors (`defaultPriors`, `priorTypeModel`) per call — prepare each stored observation and each type model once per batch. `candidatesByKey` fetches the full `attributes` of every observation sharing any key (pg's `parseRow` in the profile), a cost that grows with the database: store the prepared comparison features (or phonetic codes) with the keys, cap blocks in SQL rather than after fetching (`DEFAULT_MAX_BLOCK_SIZE` is applied in `existingFor`), and fetch each observation once per batch.",
  '**Write less per record.** `insertRecords` writes a `record_versions` snapshot that repeats the record and its observations; for version 1 it could be derived from the rows themselves. On PostgreSQL, `COPY` (binary or CSV) into the four tables would replace `jsonb_to_recordset` decoding on the server and `JSON.stringify` of every batch in `bulkInsert` on the client.',
  '**Narrative extraction** (`withExtractions` → `extractEntities`, compromise) runs over every narrative; it could run in the worker pool above, or after commit for rows whose narrative is unchanged (its results only add observations with offsets).',
];

export function ingestNotes(input: ReportInput): string {
  const notes = [...verdicts(input.runs), ...cpuNotes(input.runs), ...profileNotes(input)];
  return `### Notes

${notes.map((x) => `- ${x}`).join('\n')}

What would raise throughput, largest first:

${RAISE.map((x, i) => `${i + 1}. ${x}`).join('\n')}`;
}
