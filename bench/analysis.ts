/**
 * `npm run bench:analysis`: issue #4's query latencies (and issue #3's hit latency) on the
 * persistent demo world of bench/world.ts, served over real HTTP, for an admin and for an
 * analyst with a restrictive profile. With PostgreSQL, auto_explain logs the plan of every
 * statement slower than --explain-ms, and the slowest plans go into the notes.
 *   node bench/analysis.ts [--db postgres|pglite] [--records 1000000] [--seeded 240000] [--requests 200]
 */
import { sql } from 'drizzle-orm';
import { parseArgs } from 'node:util';
import { openInstance, serve } from '../src/main.ts';
import { describeMachine } from './machine.ts';
import { measureHitLatency } from './hit-latency.ts';
import { analysisReport, type AnalysisRun } from './analysis-report.ts';
import { querySets, type Viewers } from './analysis-queries.ts';
import { capturePlans } from './analysis-plans.ts';
import { writeSection } from './report.ts';
import { measure } from './stats.ts';
import { tokenFor } from './tokens.ts';
import { ensureWorld, worldLocation } from './world.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'postgres' },
    records: { type: 'string', default: '1000000' },
    /** Seed this many through the write path and copy to --records (bench/world.ts). */
    seeded: { type: 'string' },
    requests: { type: 'string', default: '200' },
    'explain-ms': { type: 'string', default: '20' },
  },
});
const log = (m: string) => {
  console.error(`bench:analysis: ${m}`);
};
const world = worldLocation(values.db === 'pglite' ? 'pglite' : 'postgres', Number(values.records));
const seeded = Number(values.seeded ?? values.records);
const load = await ensureWorld(world, log, seeded);
const plans =
  world.db === 'postgres'
    ? await capturePlans(world.config, Number(values['explain-ms']))
    : undefined;
const opened = await openInstance(world.config);
// Opening may have migrated the world; a migration that rewrites a table leaves it without
// planner statistics or visibility map until (auto)vacuum, and this machine's server runs
// without autovacuum. Measured queries should not pay for that.
if (world.db === 'postgres') await opened.database.db.execute(sql`vacuum analyze`);
const server = await serve(world.config, opened);
const viewers: Viewers = {
  admin: { authorization: `Bearer ${await tokenFor(opened, 'admin.vfc')}` },
  restrictive: { authorization: `Bearer ${await tokenFor(opened, 'analyst.vdh')}` },
};
const run: AnalysisRun = {
  db: world.db,
  records: world.records,
  seeded,
  load,
  sets: [],
  hitLatency: undefined,
};
const requests = Number(values.requests);
const sets = await querySets(opened, server.url, viewers);
plans?.begin();
for (const set of sets) {
  log(`${set.name}…`);
  const results = [];
  for (const [who, auth] of Object.entries(viewers)) {
    // One pass first so the measured requests see warm caches, as a working analyst would.
    for (let i = 0; i < set.queries.length; i++) await set.run(auth, i);
    const n = Math.min(requests, set.rounds ?? requests);
    results.push({ who, latency: await measure(n, (i) => set.run(auth, i)) });
  }
  run.sets.push({ name: set.name, goalP95Ms: set.goalP95Ms, queries: set.describe, results });
}
log('hit latency…');
run.hitLatency = await measureHitLatency(
  server.url,
  viewers.admin,
  {
    authorization: `Bearer ${await tokenFor(opened, 'analyst.vsp')}`,
  },
  40,
);
run.plans = await plans?.collect();
await server.stop();
writeSection(`analysis:${world.db}`, analysisReport(run, describeMachine()));
console.log(JSON.stringify(run));
