/**
 * `npm run bench:trends`: emerging-trend detection measured on the demo world (issue #4).
 * Seeds the world into each database in its own worker process (trends-worker.ts), computes
 * the trends for the whole state over its two years, times it, and scores the flags against
 * the planted drone surge: detection week vs start week, and false alarms over every other
 * series. Then the same detection on the generator's records at several world sizes
 * (trends-sensitivity.ts). Writes the `trends` section of docs/benchmarks.md.
 * Options: --records N (default 100000), --seed S (default 1), --only pglite|postgres,
 * --replay FILE (re-render saved results).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PLANTED } from '../src/demo/planted.ts';
import { countyName } from '../src/modules/geo/counties.ts';
import { DEFAULT_DETECTION } from '../src/modules/trends/detection.ts';
import { METHOD_NAME } from '../src/modules/trends/trends.service.ts';
import { describeMachine } from './machine.ts';
import { writeSection } from './report.ts';
import type { Latency } from './stats.ts';
import type { Evaluation } from './trends-evaluate.ts';
import { sensitivity, type SensitivityRow } from './trends-sensitivity.ts';

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '1' },
    only: { type: 'string' },
    /** Re-render from the raw results a previous run saved (RAW_FILE), without seeding again. */
    replay: { type: 'string' },
  },
});
const RAW_FILE = join(tmpdir(), 'watchfloor-bench-trends.json');
const kinds = values.only ? [values.only] : ['pglite', 'postgres'];

type Run = Evaluation & {
  viewer: string;
  region: string;
  series: number;
  firstMs: number;
  latency: Latency;
};
type WorkerResult = {
  db: string;
  records: number;
  seedSeconds: number | null;
  reference: string;
  results: Run[];
  plan: string;
};

const runWorker = (db: string): WorkerResult => {
  console.error(`bench: trends on ${db} with ${values.records} records…`);
  const out = execFileSync(
    process.execPath,
    ['bench/trends-worker.ts', '--db', db, '--records', values.records, '--seed', values.seed],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 },
  );
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as WorkerResult;
};
const workers: WorkerResult[] = values.replay
  ? (JSON.parse(readFileSync(values.replay, 'utf8')) as WorkerResult[])
  : kinds.map(runWorker);
writeFileSync(RAW_FILE, JSON.stringify(workers));
console.error(`bench: raw results in ${RAW_FILE} (re-render with --replay ${RAW_FILE})`);
console.error('bench: trends sensitivity to world size (generator only)…');
const SIZES = [5_000, 20_000, 50_000, 100_000];
const SEEDS = [1, 2, 3, 4, 5];
const sizes = sensitivity(SIZES, SEEDS);

const n = (x: number) => x.toLocaleString('en-US');
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '—');
/** A rate per 100,000 series-weeks (false alarms are rarer than a percent shows). */
const pct = (a: number, b: number) => (b === 0 ? '—' : ((100_000 * a) / b).toFixed(2));

function detectionRows(w: WorkerResult): string[] {
  return w.results.map(
    (r) =>
      `| ${w.db} | ${r.viewer} | ${r.region} | ${n(r.series)} | ${day(r.surgeStartWeek)} | ${day(r.detectedWeek)}${r.delayWeeks ? ` (+${r.delayWeeks} wk)` : r.detectedWeek ? ' (same week)' : ''} | ${r.regionsAtStart.join(', ') || '—'} | ${r.surgeWeeksFlagged} / ${PLANTED.surge.weeks} | ${r.clusterFlags} | **${r.falseAlarms}** | ${n(r.testedSeriesWeeks)} | ${pct(r.falseAlarms, r.testedSeriesWeeks)} | ${r.weeksWithFalseAlarm} / ${r.testedWeeks} |`,
  );
}

function timingRows(w: WorkerResult): string[] {
  return w.results.map(
    (r) =>
      `| ${w.db} | ${r.viewer} | ${r.region} | ${n(r.series)} | ${r.firstMs} | ${r.latency.p50} / ${r.latency.p95} (n = ${r.latency.n}) |`,
  );
}

function sizeRows(rows: readonly SensitivityRow[]): string[] {
  return SIZES.map((records) => {
    const of = rows.filter((r) => r.records === records);
    const atStart = of.filter((r) => r.delayWeeks === 0).length;
    const later = of.filter((r) => r.delayWeeks !== null && r.delayWeeks > 0);
    const alarms = of.reduce((a, r) => a + r.falseAlarms, 0);
    const tested = of.reduce((a, r) => a + r.testedSeriesWeeks, 0);
    const mean = (f: (r: SensitivityRow) => number) =>
      (of.reduce((a, r) => a + f(r), 0) / of.length).toFixed(1);
    return `| ${n(records)} | ${mean((r) => r.fairfax.baseline)} | ${mean((r) => r.fairfax.startWeek)} | ${atStart} / ${of.length} | ${later.length ? later.map((r) => `+${r.delayWeeks}`).join(', ') : '—'} | ${of.length - atStart - later.length} | ${alarms} | ${pct(alarms, tested)} |`;
  });
}

function sizeAlarms(rows: readonly SensitivityRow[]): string {
  const listed = rows.flatMap((r) =>
    r.falseAlarmList.map((a) => `${n(r.records)} records, seed ${r.seed}: ${a}`),
  );
  return listed.length ? `False alarms there:\n\n${listed.map((l) => `- ${l}`).join('\n')}` : '';
}

const alarmsListed = workers
  .flatMap((w) =>
    w.results
      .filter((r) => r.region === 'county' && r.falseAlarmList.length > 0)
      .map((r) => `- ${w.db}, ${r.viewer}, county: ${r.falseAlarmList.join('; ')}`),
  )
  .join('\n');

const p = DEFAULT_DETECTION;
const surgeCounties = PLANTED.surge.countyFips
  .map((f) => `${countyName(f) ?? f} (${f})`)
  .join(', ');

writeSection(
  'trends',
  `## Emerging trends (issue #4) — the planted surge, false alarms, time

Machine: ${describeMachine()}. Run: ${new Date().toISOString().slice(0, 10)}. Command: \`npm run bench:trends\`.

Demo world seed ${values.seed}, ${n(Number(values.records))} records over the 104 weeks before
${day(workers[0]?.reference ?? null)}, seeded through \`seedDemoWorld\` (no retrain), then \`VACUUM ANALYZE records\`. Trends
for the whole state over the two years: \`computeTrends\` (what \`GET /api/v1/trends\` runs)
with every behaviour category × every county (and × H3 cells of resolution 4 and 5), as the
fusion center's analyst (\`analyst.vfc\`, LES/PII/28 CFR, no stated purpose) and its
administrator (\`admin.vfc\`). Method \`${METHOD_NAME}\` (docs/trends.md): exact conditional
Poisson test of each week against the ${p.baselineWeeks} weeks ending ${p.guardWeeks} week
before it, Benjamini–Hochberg at FDR ${p.fdr} per week across the series that can reach
significance, at least ${p.minCount} records. Parameters fixed before these figures were seen.

**The planted surge**: AVIATION SARs at ${PLANTED.surge.ratio}× baseline for ${PLANTED.surge.weeks}
weeks from the Monday ${PLANTED.surge.startWeeksBeforeReference} weeks before the reference date,
in ${surgeCounties}.

| db | viewer | regions | series | surge start | first flagged (delay) | flagged in the start week | surge weeks flagged | planted-cluster flags | false alarms | tested series-weeks | false alarms per 100,000 series-weeks | weeks with a false alarm / tested weeks |
|---|---|---|---|---|---|---|---|---|---|---|---|---|
${workers.flatMap(detectionRows).join('\n')}

"False alarm" = any flag that is neither the surge (AVIATION, a region the drone stream's
records fall in, one of the six surge weeks) nor a cell the planted port cluster's own SARs
fall in (a real event). Tested series-weeks = weeks with a p-value, over the series that have
at least one visible record in the two years; the first ${p.baselineWeeks + p.guardWeeks} weeks
have no full baseline and are not tested. The stated bound (docs/trends.md): when nothing
happens, P(any flag in a week) ≤ ${p.fdr}, i.e. at most ${p.fdr} × tested weeks ≈
${(p.fdr * 95).toFixed(2)} weeks with a false alarm expected over the 95 tested weeks, if the
counts are Poisson.

${alarmsListed ? `False alarms at county level:\n\n${alarmsListed}\n` : 'No false alarm at county level.\n'}
**Time** for the whole state over two years (counts SQL + tests + audit, in one transaction;
first call cold, then ${workers[0]?.results[0]?.latency.n ?? 5} calls; the 2 cores were shared with other test runs, so
differences under about half are noise):

| db | viewer | regions | series | first call ms | ms p50 / p95 |
|---|---|---|---|---|---|
${workers.flatMap(timingRows).join('\n')}

Plan of the counts query (analyst, every category × county, two years plus the baseline's
reach), per database:

${workers.map((w) => `<details><summary>${w.db}</summary>\n\n\`\`\`\n${w.plan}\n\`\`\`\n</details>`).join('\n\n')}

Where the time goes: the counts query visits the heap page of every SAR in the window (a
SAR's behaviours are in its payload, and an index-only scan cannot return an expression), so
the time grows with the SARs in the window — about tenfold at 1,000,000 records. Narrower
questions read only their rows (one category: the behaviours GIN index; one county: the county
index). If the state-wide computation must be faster at that scale, the next step is a weekly
summary kept at write time per (week, category, county, cell, marking columns), to which the
visibility rule applies unchanged.

**Detection against world size** (generator only, no database: the same counting and tests
on every record, as a viewer who sees everything; county level; seeds ${SEEDS.join(', ')}):

| records | Fairfax drone SARs / week before the surge (mean) | … in the surge's first week | flagged in the start week | flagged later (delay, weeks) | never flagged | false alarms (all seeds) | per 100,000 series-weeks |
|---|---|---|---|---|---|---|---|
${sizeRows(sizes).join('\n')}

${sizeAlarms(sizes)}

At the 5,000-record default demo a surge county sees about one drone report a week, and 3.5×
that is still a handful: no test can tell it from noise at FDR ${p.fdr}. The planted surge is
built to be found at the scale of the benchmark worlds (100,000 records and up).`,
);
console.log(workers.flatMap(detectionRows).join('\n'));
