import type { CapturedPlan } from './analysis-plans.ts';
import type { Latency } from './stats.ts';

export type AnalysisRun = {
  db: string;
  records: number;
  /** How many went through the write path (the rest copied): part of the command to re-run. */
  seeded: number;
  load: Record<string, unknown> | undefined;
  sets: {
    name: string;
    goalP95Ms: number | undefined;
    queries: string[];
    results: { who: string; latency: Latency }[];
  }[];
  hitLatency: { n: number; p50: number; p95: number; max: number } | undefined;
  plans?: CapturedPlan[] | undefined;
};

const fmt = (n: number) => n.toLocaleString('en-US');

/** The markdown section of one database's analysis run. */
export function analysisReport(run: AnalysisRun, machine: string): string {
  const rows = run.sets.map((s) => {
    const admin = s.results.find((r) => r.who === 'admin')?.latency;
    const restrictive = s.results.find((r) => r.who === 'restrictive')?.latency;
    const ratio = admin && restrictive ? (restrictive.p95 / admin.p95).toFixed(2) : '—';
    const cell = (l: Latency | undefined) => (l ? `${l.p50} / ${l.p95}` : '—');
    const goal = s.goalP95Ms === undefined ? '—' : `< ${s.goalP95Ms}`;
    return `| ${s.name} | ${goal} | ${cell(admin)} | ${cell(restrictive)} | ${ratio} |`;
  });
  const load = run.load as
    | { seedSeconds?: number; recordsPerSecond?: number; peakRssMiB?: number; how?: string }
    | undefined;
  const lines = [
    `## Analysis at ${fmt(run.records)} records (issue #4) — ${run.db}`,
    '',
    `Machine: ${machine}. Run: ${new Date().toISOString().slice(0, 10)}. Command: \`npm run bench:analysis -- --db ${run.db} --records ${run.records}${run.seeded < run.records ? ` --seeded ${run.seeded}` : ''}\`.`,
    '',
    (load?.how ??
      `The demo world (seed 1) of bench/world.ts, seeded once through the real write path` +
        (load?.seedSeconds
          ? ` (${fmt(load.seedSeconds)} s, ${fmt(load.recordsPerSecond ?? 0)} records/s, peak RSS ${fmt(load.peakRssMiB ?? 0)} MiB)`
          : '')) +
      `, served over HTTP on loopback. Each request authenticates a bearer token, reads the viewer, ` +
      `applies the visibility rule in SQL and appends its audit event in the same transaction. ` +
      `Admin = \`admin.vfc\` (every attribute); restrictive = \`analyst.vdh\` (health-department ` +
      `analyst: no LES, no criminal intelligence). Latencies in ms, p50 / p95, after one warm-up ` +
      `pass over the query set; ratio = restrictive p95 ÷ admin p95 (goal ≤ 1.5).`,
    '',
    '| queries | goal p95 ms | admin p50 / p95 | restrictive p50 / p95 | ratio |',
    '|---|---|---|---|---|',
    ...rows,
    '',
    run.hitLatency
      ? `Hit latency (issue #3; commit of a record to the owner's SSE \`notification\` event, ${run.hitLatency.n} rounds): p50 ${run.hitLatency.p50} ms, p95 ${run.hitLatency.p95} ms, max ${run.hitLatency.max} ms (goal p95 < 1,000 ms).`
      : '',
    '',
    '### The query sets',
    '',
    ...run.sets.flatMap((s) => [`- **${s.name}**: ${s.queries.join('; ')}`]),
  ];
  if (run.plans && run.plans.length > 0) {
    lines.push('', '### Plans of the slowest statements (auto_explain, rows without timing)', '');
    for (const p of run.plans) lines.push(`${p.ms} ms:`, '', '```', p.plan.trim(), '```', '');
  }
  return lines.join('\n');
}
