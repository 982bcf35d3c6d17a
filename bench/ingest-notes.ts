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
    notes.push(
      `**Where the CPU goes.** On PostgreSQL the Node process used ${pg.nodeCpuSeconds} s of CPU (both its threads: the preparation thread that parses, validates and mines narratives, and the main thread that resolves and commits; plus GC and compiler helpers) in a ${pg.seconds} s job (${pct(nodeShare)} of one core) and the server's backends ${pg.serverCpuSeconds ?? '?'} s: about ${perRecord(pg.nodeCpuSeconds)} ms of Node CPU and ${perRecord(pg.serverCpuSeconds ?? 0)} ms of PostgreSQL CPU per record, on a machine with two cores for all three. The raw insert shows what the database alone can take: ${n(pg.baselineRecordsPerSecond)} records/s for the same bodies.`,
    );
    notes.push(
      `**The parser alone runs at ${n(pg.parseOnlyRecordsPerSecond)} records/s** (csv-parse, the guard and the mapping: \`parseCsv\` → \`buildBody\`). It runs on the preparation thread, overlapped with the commits; the structure-only first pass reads the CSV records but maps none of them.`,
    );
    notes.push(
      `**Bytes written**: the job left a ${n(pg.databaseMiB)} MiB database for ${n(pg.records)} records (${pg.observationsPerRecord} observations each: records, entities, observations, blocking keys, the version-1 snapshot that repeats record and observations, audit, and their indexes); the baseline table holding the same bodies is ${n(pg.baseline.tableMiB)} MiB.`,
    );
    notes.push(
      `**Issue #4's indexes are paid at write time.** Every record now also maintains a stored full-text document, the observations' stored search text with its word index and vocabulary trigger, trigram and sound-code indexes, and the map's covering indexes; with them PostgreSQL spent ${pg.serverCpuSeconds ?? '?'} s of CPU on this job (${perRecord(pg.serverCpuSeconds ?? 0)} ms per record), about twice its share before they existed (63 s at 100,000 records), and the event loop waits on it more than half the time (see the profile).`,
    );
  }
  if (lite) {
    notes.push(
      `**PGlite runs PostgreSQL inside the Node thread** (WebAssembly), so its database work runs on the main thread, beside resolution: ${lite.nodeCpuSeconds} s of process CPU (both threads) in a ${lite.seconds} s job. As in the server, the job leaves the one connection idle for a fifth of each commit between batches, so interactive requests are not queued behind back-to-back batches (ingest-runner.ts). Before the job the process had already peaked at ${n(lite.peakRssBeforeJobMiB)} MiB (PGlite allocates more while it starts and migrates than it keeps); during the job RSS went from ${n(lite.rssAtJobStartMiB)} to at most ${n(lite.jobPeakRssMiB)} MiB, and the process peak is ${n(lite.peakRssMiB)} MiB. ${lite.peakRssBeforeJobMiB >= GB_MIB ? 'Measured as process peak RSS, the < 1 GB goal therefore fails on PGlite at start-up, whatever the ingest does. ' : ''}On PostgreSQL the process peaked at ${pg ? n(pg.peakRssMiB) : '—'} MiB.`,
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

/** Done since the first measurement (471 records/s on PostgreSQL, 329 on PGlite at 100k). */
const DONE = [
  '**Per-row CPU off the main thread, overlapped with the commits.** `preparedBatches` (ingest/prepared-batches.ts) runs parsing, `validateRow`, the content hash and narrative mining (`prepareRecord` → `withExtractions`) on a worker thread, at most two batches ahead of the commit; the main thread resolves and commits in file order, so checkpoints and resume are unchanged.',
  '**Parse once.** The CSV structure pass reads the header and records without mapping them.',
  '**Resolution reads less.** `candidatesByKey` applies the block-size cap in SQL (a `LIMIT` per key), reads each stored observation once however many keys it shares, and never reads back the batch’s own observations; each observation is prepared once (memoised) and type models are built once.',
  '**`bulkInsert` writes the JSON text directly** instead of building an object per row to stringify.',
  '**Two batches open on PostgreSQL** (session 5). The next batch writes its records, entities, observations, blocking keys and versions on a second connection while the batch before it resolves and commits; it resolves, and writes its checkpoint and audit event, only after that commit (`commitBatch`, `streamBatches`). Its words go to the search vocabulary first in their own short commit (`addToVocabulary`): otherwise the vocabulary trigger of its observations insert waited on every word the batch before had just added (seen in `pg_stat_activity` as `Lock: transactionid` on that insert). A batch holding a record of the batch before, a batch with changed rows and every PGlite job stay serial. On the 20,000-record job on an idle machine: 1,086 → about 1,350 records/s.',
  '**The block lookup returns each block as one comma-joined string** rather than a text array the driver parsed id by id.',
  '**Observations that cannot decide anything are not compared** (session 6). Measured at 180,000 records: the blocks of place and organisation names (“loc:name:virginia beach”, 7,049 observations) hold as many entities as observations, because a place or organisation named in a narrative, with nothing else known, never merges (CI-14) and never reaches a possible association; yet every new mention was scored against up to 1,000 of them, and these blocks were 39 % of all pair comparisons. Resolution now computes each new observation’s ceiling — every field it has agreeing at its best level under the current model — and skips the lookup when even that stays below the candidate threshold (`canReachDecision`; exact, held by a property test). Candidate observations read per batch fell from 51,000 to 21,000 at 100,000–180,000 records.',
  '**The lookup of a source’s existing records** (is this row new, unchanged or changed?) scanned every record of the source, because with `source_record_id in (…)` and statistics stale in mid-import the planner used only the index’s first column: 0.19 s a batch at 100,000 records and growing. It now probes the unique index once per id (3 ms).',
  '**Hit detection reads at most 50 of another agency’s holders per (entity, arriving agency)** (session 8): observations carry their record’s owner agency and the entity index is (entity, owner agency), so the lookup is two index ranges. Before, it read every observation of every entity a batch joined: at 250,000 records 4,100 rows and 0.23 s per batch, growing with the hottest entities (a shared identifier held thousands of times).',
  '**Preparing stored candidates costs about a quarter of what it did** (session 8): their blocking keys are derived only when a conflict check needs them, and the Double Metaphone codes of the 50,000 most recent names are kept (they were a fifth of preparing).',
  '**Blocking scheme 2** (session 8): surname code + birth year (`p:dm`) made 59 % of person pairs at 50,000 records and found almost nothing else; a complete date of birth is now keyed with the surname code (`p:sdob`). Person pairs −42 % at that size, F1 unchanged on FEBRL and the demo world (“Blocking scheme 2” above).',
  '**Blocking keys without a foreign key** (session 8): one check per key row (about 14 per record) doubled the cost of the largest insert; a statement-level trigger deletes the keys of deleted observations instead.',
  '**A new record is written once** (session 12, [ADR 0011](adr/0011-record-versions-keep-superseded-states.md)): `record_versions` kept a JSON snapshot of every version as it was written, the current one included, so each new record was built, sent and stored twice. It now keeps who made each version and when, and the snapshot of a version only when the next one replaces it; the current version is read from the live rows.',
  '**Bounded memory in the preparation thread** (session 12): a batch also ends at 16 MiB of input, and the thread runs with its own heap limits instead of V8’s defaults for the machine.',
  '**Resolution reads what analysts settled only for the entities a new observation links with** (a merge or possible-association score with it, before the batch groups anything; each pair is scored once and the score reused for the decision), not for every entity in its blocks; **hit detection looks up the holders only of entities that held a stored observation before the batch** (every entity when the batch spans agencies). Both are exact, and tests fail if either is narrowed too far.',
];

/** What remains, largest first, as the profile reads now. */
const RAISE = [
  '**Resolution still slows as the database grows.** Given name + surname codes (`p:dmg`) is the one family left whose blocks grow with the center, and it cannot be narrowed the same way: it is how a record without a date of birth, or with a mistyped one, meets its person (62,803 of the 141,278 true pairs at 50,000 records are found by it alone). Each new person observation is compared with every stored one in those blocks, up to 1,000 per key. Measured at 50,000 records: 56,081 of its 254,510 pairs join two complete dates of birth more than a typo apart (two of year, month and day differ, and not a day–month swap); 126 of them are true and 38 reach p ≥ 0.5. Next: ask those blocks, for an observation with a complete date, only for observations without one or within a typo of it (keys stored for lookup that differ from the keys looked up), about a fifth fewer person pairs; and read the blocks with the candidates’ attributes in one statement.',
  '**The inserts are now most of the database’s work**: at 20,000 records (statement durations, session 8) `records` 24 % (its stored full-text document and 13 indexes), blocking keys 20 % (before their foreign key was dropped), `observations` 16 %, the search vocabulary 10 %, the block lookup 12 %. On PostgreSQL, `COPY` would replace `jsonb_to_recordset` decoding on the server.',
  '**Memory**: V8 lets the main thread’s heap grow far beyond what the job holds (two batches and their candidates; about 100 MiB live after a full collection at 20,000 records), sizing its young generation (128 MiB) and its old-generation growth for the machine’s 24 GiB; with `--max-old-space-size=600` a 100,000-record job peaked at 676 MiB (session 5). A cap for the server would also cap `watchfloor resolution retrain`, which holds every observation in memory; running ingest jobs in a worker thread with their own heap limit, as the preparation thread now does, would not.',
  '**More than one preparation thread** on machines with more cores; on this two-core machine the server and the main thread already take the second core.',
];

export function ingestNotes(input: ReportInput): string {
  const notes = [...verdicts(input.runs), ...cpuNotes(input.runs), ...profileNotes(input)];
  return `### Notes

${notes.map((x) => `- ${x}`).join('\n')}

Done since the first measurement:

${DONE.map((x) => `- ${x}`).join('\n')}

What would raise throughput further, largest first:

${RAISE.map((x, i) => `${i + 1}. ${x}`).join('\n')}`;
}
