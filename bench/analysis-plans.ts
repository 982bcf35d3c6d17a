/**
 * The plans of the slowest statements of a benchmark run on PostgreSQL, from auto_explain:
 * switched on for the benchmark database only (new sessions), with row counts but without
 * per-node timing so the instrumentation barely touches what is measured. Plans are read
 * back from the server log; without a readable log the notes simply have none.
 */
import { existsSync, openSync, readSync, statSync, closeSync } from 'node:fs';
import pg from 'pg';
import type { Config } from '../src/config.ts';

const LOG = process.env['WATCHFLOOR_BENCH_PG_LOG'] ?? '/var/log/postgresql/postgresql-15-main.log';

export type CapturedPlan = { ms: number; plan: string };

async function alter(config: Config, statements: string[]) {
  const url = new URL(config.databaseUrl!);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  for (const s of statements) await client.query(s.replaceAll('$db', name));
  await client.end();
}

/**
 * Call before the benchmark's connections open; `begin` marks where the measured requests
 * start (so migrations and the set-up queries stay out), `collect` returns the slowest plans.
 */
export async function capturePlans(config: Config, minMs: number) {
  await alter(config, [
    `ALTER DATABASE $db SET session_preload_libraries = 'auto_explain'`,
    `ALTER DATABASE $db SET auto_explain.log_min_duration = '${minMs}ms'`,
    `ALTER DATABASE $db SET auto_explain.log_analyze = on`,
    `ALTER DATABASE $db SET auto_explain.log_timing = off`,
  ]);
  let from: number | undefined;
  return {
    begin() {
      from = existsSync(LOG) ? statSync(LOG).size : undefined;
    },
    async collect(top = 5): Promise<CapturedPlan[]> {
      await alter(config, [`ALTER DATABASE $db RESET ALL`]);
      if (from === undefined) return [];
      return slowest(readFrom(LOG, from), top);
    },
  };
}

function readFrom(path: string, offset: number): string {
  const size = statSync(path).size - offset;
  const buffer = Buffer.alloc(Math.max(0, Math.min(size, 64 * 2 ** 20)));
  const fd = openSync(path, 'r');
  readSync(fd, buffer, 0, buffer.length, offset);
  closeSync(fd);
  return buffer.toString('utf8');
}

/** One plan per distinct statement (its slowest run), slowest first. */
function slowest(log: string, top: number): CapturedPlan[] {
  const byQuery = new Map<string, CapturedPlan>();
  for (const m of log.matchAll(/duration: ([\d.]+) ms\s+plan:\n([\s\S]*?)(?=\n\S|$)/g)) {
    const ms = Number(m[1]);
    const plan = (m[2] ?? '').replace(/^\t/gm, '');
    const query = /Query Text: ([^\n]*)/.exec(plan)?.[1]?.slice(0, 200) ?? plan.slice(0, 200);
    const seen = byQuery.get(query);
    if (!seen || seen.ms < ms) byQuery.set(query, { ms, plan });
  }
  return [...byQuery.values()].sort((a, b) => b.ms - a.ms).slice(0, top);
}
