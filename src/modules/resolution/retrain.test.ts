import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/test-db.ts';
import { seedDemoWorld } from '../../demo/seed.ts';
import type { ServiceContext } from '../../shared/context.ts';
import { createTestApp, type TestApp } from '../../server/test-app.ts';
import { auditLog } from '../audit/audit.table.ts';
import { rejectCandidate, splitEntity } from './analyst.service.ts';
import { decidePair, type Link } from './clustering.ts';
import { pairwiseMetrics } from './evaluate.ts';
import { scoreCandidatePairs } from './resolve.ts';
import { planReResolution } from './retrain-plan.ts';
import { unsafeReadAllObservations } from './retrain.repository.ts';
import { retrainResolution } from './retrain.ts';
import { entityCandidates, entityMerges, resolutionModel } from './resolution.table.ts';
import { ctxFor, entityMap } from './resolution.test-helpers.ts';
import { train } from './training.ts';

const key = (x: string, y: string) => (x < y ? `${x}|${y}` : `${y}|${x}`);

describeEachDatabase('retrain and re-resolve the demo world', (kind) => {
  let t: TestApp;
  let admin: ServiceContext;
  const truth = new Map<string, string>();
  const truthPath = join(mkdtempSync(join(tmpdir(), 'wf-retrain-')), 'truth.ndjson');

  beforeAll(async () => {
    t = await createTestApp(kind);
    await seedDemoWorld(
      { database: t.database, center: t.center },
      {
        seed: 1,
        records: 1500,
        groundTruthPath: truthPath,
        // Resolved as written, with the untrained prior: the retrain is what is tested here.
        retrain: false,
      },
    );
    for (const line of readFileSync(truthPath, 'utf8').trim().split('\n')) {
      const row = JSON.parse(line) as { observationId: string; entityKey: string };
      truth.set(row.observationId, row.entityKey);
    }
    admin = await ctxFor(t, await t.personas.admin((await t.buildAgency()).id));
  }, 180_000);
  afterAll(() => t.close());

  /** Pairwise quality of the stored clustering, on the observations the truth knows. */
  async function quality() {
    const groups = new Map<string, string[]>();
    for (const [o, e] of await entityMap(t.database.db)) {
      if (truth.has(o)) groups.set(e, [...(groups.get(e) ?? []), o]);
    }
    return pairwiseMetrics(truth, [...groups.values()]);
  }

  /** What the new model makes of the data as it stands, with no analyst decision applied. */
  async function preview() {
    const all = await unsafeReadAllObservations(t.database.db);
    const { pairs } = scoreCandidatePairs(train(all), all);
    return {
      pairs,
      plan: planReResolution({ observations: all, pairs, keptApart: [], proposed: [] }),
    };
  }

  /** An open candidate between two entities the new model would merge: an analyst rejects it. */
  async function rejectOneTheModelWouldMerge(planned: { survivor: string; absorbed: string }[]) {
    const db = t.database.db;
    const wanted = new Set(planned.map((m) => key(m.survivor, m.absorbed)));
    const entityOf = await entityMap(db);
    const open = await db
      .select()
      .from(entityCandidates)
      .where(eq(entityCandidates.status, 'open'));
    const target = open.find((c) =>
      wanted.has(key(entityOf.get(c.observationA)!, entityOf.get(c.observationB)!)),
    );
    expect(target, 'the demo world should hold such a candidate').toBeDefined();
    await rejectCandidate(t.system, target!.id, { rationale: 'Two different people' });
    return target!;
  }

  /** An automatic merge the new model would make again: an analyst splits it. */
  async function splitOneTheModelWouldRedo(pairs: readonly Link[]) {
    const db = t.database.db;
    const mergeGrade = new Set(
      pairs.filter((p) => decidePair(p.type, p.score).kind === 'merge').map((p) => key(p.a, p.b)),
    );
    const merges = await db
      .select()
      .from(entityMerges)
      .where(and(eq(entityMerges.decidedBy, 'auto'), isNull(entityMerges.undoneAt)));
    const target = merges.find((m) => mergeGrade.has(key(m.observationA, m.observationB)));
    expect(target).toBeDefined();
    await splitEntity(t.system, target!.entityId, {
      mergeId: target!.id,
      rationale: 'The booking photos differ',
    });
    return target!;
  }

  it('improves recall against the ground truth, keeps precision, and respects what analysts decided', async () => {
    const before = await quality();
    const first = await preview();
    const rejected = await rejectOneTheModelWouldMerge(first.plan.merges);
    const split = await splitOneTheModelWouldRedo(first.pairs);
    const apart = async (a: string, b: string) => {
      const map = await entityMap(t.database.db, [a, b]);
      return map.get(a) !== map.get(b);
    };
    // Without the analysts' decisions the new model would join both pairs again.
    const control = (await preview()).plan;
    const entityOf = await entityMap(t.database.db);
    const joins = new Set(control.merges.map((m) => key(m.survivor, m.absorbed)));
    const pairOf = (a: string, b: string) => key(entityOf.get(a)!, entityOf.get(b)!);
    expect(joins.has(pairOf(rejected.observationA, rejected.observationB))).toBe(true);
    expect(joins.has(pairOf(split.observationA, split.observationB))).toBe(true);

    const result = await retrainResolution(admin);
    expect(result.mergesAdded).toBeGreaterThan(0);
    expect(result.keptApartByAnalysts).toBeGreaterThan(0);
    const after = await quality();
    expect(after.recall).toBeGreaterThan(before.recall);
    expect(after.precision).toBeGreaterThanOrEqual(0.99);
    expect(await apart(rejected.observationA, rejected.observationB)).toBe(true);
    expect(await apart(split.observationA, split.observationB)).toBe(true);
    const [stored] = await t.database.db.select().from(resolutionModel);
    expect(stored!.trainedOn).toBe(result.trainedOn);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'resolution.retrain'));
    expect(audit[0]).toMatchObject({ actorUserId: admin.viewer.userId, decision: 'allow' });
    expect(audit[0]!.details).toMatchObject({ mergesAdded: result.mergesAdded });
  });

  it('a second retrain on the same data adds nothing', async () => {
    await retrainResolution(admin);
    const again = await retrainResolution(admin);
    expect(again).toMatchObject({ mergesAdded: 0, candidatesAdded: 0 });
  });
});
