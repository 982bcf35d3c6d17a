import { eq, inArray } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/test-db.ts';
import {
  auditOf,
  expectProblem,
  MISSING_ID,
  problemPaths,
} from '../../server/http.test-helpers.ts';
import { recordBody, type TestApp } from '../../server/test-app.ts';
import { entities, observations } from '../entities/entities.table.ts';
import { withGraphWorld, expandAs, summary, type GraphWorld } from './graph.test-helpers.ts';

describeEachDatabase('graph expansion', (kind) => {
  let t: TestApp;
  let w: GraphWorld;
  withGraphWorld(kind, (app, world) => ((t = app), (w = world)));

  it('one hop from an entity: its co-occurring entities, weighted by shared records, and its records', async () => {
    const { res, graph } = await expandAs(t, w.analyst, { entityId: w.e.alice, hops: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(summary(w, graph)).toEqual({
      nodes: ['alice', 'bob', 'dana', 'r1', 'r2', 'r4', 'van'],
      co: ['alice-bob:2', 'alice-dana:1', 'alice-van:1', 'bob-van:1'],
    });
    expect(graph.seed).toEqual({ kind: 'entity', id: w.e.alice });
    expect(graph.truncated).toBe(false);
    const alice = graph.nodes.find((n) => n.id === w.e.alice);
    expect(alice).toMatchObject({
      kind: 'entity',
      entityType: 'person',
      label: 'Alice Smith',
      hop: 0,
    });
    expect(graph.nodes.find((n) => n.id === w.e.van)).toMatchObject({
      label: 'VA GRF1234 · Ford',
      hop: 1,
    });
    expect(graph.nodes.find((n) => n.id === w.r.r1)).toMatchObject({
      kind: 'record',
      recordKind: 'incident',
      label: 'Record r1',
      occurredFrom: '2026-01-10T00:00:00.000Z',
    });
    const ab = graph.edges.find((e) => e.kind === 'co_occurs' && e.weight === 2);
    expect(new Set(ab?.recordIds)).toEqual(new Set([w.r.r1, w.r.r2]));
    expect(ab?.recordIds?.[0]).toBe(w.r.r2); // latest first
    expect(graph.edges).toContainEqual({
      id: `appears:${w.e.alice}:${w.r.r1}`,
      kind: 'appears_in',
      source: w.e.alice,
      target: w.r.r1,
      roles: ['subject'],
    });
  });

  it('two hops reach the entities of the entities, and the records that join them', async () => {
    const { graph } = await expandAs(t, w.analyst, { entityId: w.e.alice, hops: 2 });
    expect(summary(w, graph).nodes).toEqual([
      'alice',
      'bob',
      'carl',
      'dana',
      'r1',
      'r2',
      'r3',
      'r4',
      'van',
    ]);
    expect(graph.nodes.find((n) => n.id === w.e.carl)?.hop).toBe(2);
    expect(summary(w, graph).co).toContain('bob-carl:1');
  });

  it('from a record: its entities at hop 1, their neighbours at hop 2', async () => {
    const one = await expandAs(t, w.analyst, { recordId: w.r.r3, hops: 1 });
    expect(one.graph.seed).toEqual({ kind: 'record', id: w.r.r3 });
    expect(summary(w, one.graph)).toEqual({ nodes: ['bob', 'carl', 'r3'], co: ['bob-carl:1'] });
    const two = await expandAs(t, w.analyst, { recordId: w.r.r3, hops: 2 });
    expect(summary(w, two.graph).nodes).toEqual(
      expect.arrayContaining(['alice', 'van', 'phone', 'r1', 'r2', 'r5']),
    );
  });

  it('filters: record kinds, date range, minimum weight and entity types', async () => {
    const tips = await expandAs(t, w.analyst, {
      entityId: w.e.carl,
      hops: 3,
      recordKinds: ['tip'],
    });
    expect(summary(w, tips.graph)).toEqual({
      nodes: ['carl', 'phone', 'r5'],
      co: ['carl-phone:1'],
    });

    const in2026 = await expandAs(t, w.analyst, {
      entityId: w.e.carl,
      hops: 1,
      occurredAfter: '2026-01-01T00:00:00Z',
      occurredBefore: '2026-12-31T23:59:59Z',
    });
    expect(summary(w, in2026.graph).nodes).toEqual(['bob', 'carl', 'r3']);

    const strong = await expandAs(t, w.analyst, { entityId: w.e.alice, hops: 3, minWeight: 2 });
    // The seed's own records stay (r4); dana, joined by one record only, does not.
    expect(summary(w, strong.graph)).toEqual({
      nodes: ['alice', 'bob', 'r1', 'r2', 'r4'],
      co: ['alice-bob:2'],
    });

    const people = await expandAs(t, w.analyst, {
      entityId: w.e.alice,
      hops: 1,
      entityTypes: ['person'],
      includeRecords: false,
    });
    expect(summary(w, people.graph).nodes).toEqual(['alice', 'bob', 'dana']);
  });

  it('the node cap keeps the strongest neighbours and says what it cut', async () => {
    const { graph } = await expandAs(t, w.analyst, { entityId: w.e.alice, hops: 2, maxNodes: 2 });
    expect(summary(w, graph).nodes).toEqual(['alice', 'bob']);
    expect(graph.truncated).toBe(true);
    expect(graph.cut).toEqual({ entities: 2, records: 3, edges: 0, atHop: 1, hopsNotExpanded: 1 });
  });

  it('the query-string form gives the same graph as the JSON body', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/graph/expand?entityId=${w.e.alice}&hops=1&entityTypes=person,vehicle&includeRecords=false`,
      headers: w.analyst.auth,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = await expandAs(t, w.analyst, {
      entityId: w.e.alice,
      hops: 1,
      entityTypes: ['person', 'vehicle'],
      includeRecords: false,
    });
    expect(res.json()).toEqual(body.graph);
  });

  it('structure: seeded communities and centrality on the returned graph, the same every time', async () => {
    const first = await expandAs(t, w.analyst, { entityId: w.e.alice, hops: 3, structure: true });
    const again = await expandAs(t, w.analyst, { entityId: w.e.alice, hops: 3, structure: true });
    expect(again.graph).toEqual(first.graph);
    expect(first.graph.structure?.communities).toBeGreaterThan(0);
    for (const n of first.graph.nodes) {
      expect(n).toMatchObject({
        community: expect.any(Number),
        degree: expect.any(Number),
        betweenness: expect.any(Number),
      });
    }
    // bob sits between alice's side and carl's: the most between of the people.
    const between = (key: 'alice' | 'bob' | 'carl') =>
      first.graph.nodes.find((n) => n.id === w.e[key])?.betweenness as number;
    expect(between('bob')).toBeGreaterThan(between('carl'));
  });

  it('an entity merged into another expands as its survivor', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/records',
      headers: w.analyst.auth,
      payload: recordBody({
        narrative: '',
        observations: [
          { type: 'person', role: 'subject', attributes: { givenName: 'A.', surname: 'Smith' } },
        ],
      }),
    });
    const {
      observations: [obs],
    } = res.json<{ observations: { id: string; entityId: string }[] }>();
    await t.database.db
      .update(observations)
      .set({ entityId: w.e.alice })
      .where(eq(observations.id, obs!.id));
    await t.database.db
      .update(entities)
      .set({ mergedIntoId: w.e.alice })
      .where(inArray(entities.id, [obs!.entityId]));
    const { graph } = await expandAs(t, w.analyst, { entityId: obs!.entityId, hops: 1 });
    expect(graph.seed).toEqual({ kind: 'entity', id: w.e.alice });
  });

  it('bad requests answer 400 naming the field', async () => {
    const both = await expandAs(t, w.analyst, { entityId: w.e.alice, recordId: w.r.r1 });
    expectProblem(both.res, 400, 'validation.failed');
    expect(problemPaths(both.res)).toContain('body.entityId');
    const far = await expandAs(t, w.analyst, { entityId: w.e.alice, hops: 4 });
    expect(problemPaths(far.res)).toContain('body.hops');
    const huge = await expandAs(t, w.analyst, { entityId: w.e.alice, maxNodes: 2001 });
    expect(problemPaths(huge.res)).toContain('body.maxNodes');
    const backwards = await expandAs(t, w.analyst, {
      entityId: w.e.alice,
      occurredAfter: '2026-02-01T00:00:00Z',
      occurredBefore: '2026-01-01T00:00:00Z',
    });
    expect(problemPaths(backwards.res)).toContain('body.occurredBefore');
    const types = await t.app.inject({
      method: 'GET',
      url: `/api/v1/graph/expand?entityId=${w.e.alice}&entityTypes=person,spaceship`,
      headers: w.analyst.auth,
    });
    expectProblem(types, 400, 'validation.failed');
  });

  it('a seed the viewer may not see answers 404 like a missing one, and the denial is audited', async () => {
    const hidden = await expandAs(t, w.partner, { entityId: w.e.dana });
    const missing = await expandAs(t, w.partner, { entityId: MISSING_ID });
    expectProblem(hidden.res, 404, 'entities.not_found');
    expectProblem(missing.res, 404, 'entities.not_found');
    const record = await expandAs(t, w.partner, { recordId: w.r.r4 });
    expectProblem(record.res, 404, 'records.not_found');
    const [deny] = await auditOf(t.app, w.auditor, w.e.dana, '&action=graph.expand');
    expect(deny).toMatchObject({ decision: 'deny', actorUserId: w.partner.id });
  });

  it('CI-08 an expansion is audited with every node it showed', async () => {
    await expandAs(t, w.analyst, { entityId: w.e.carl, hops: 1 });
    const [event] = await auditOf(t.app, w.auditor, w.e.carl, '&action=graph.expand');
    expect(event).toMatchObject({
      decision: 'allow',
      actorUserId: w.analyst.id,
      objectType: 'graph',
    });
    expect(new Set(event?.objectIds)).toEqual(
      new Set([w.e.carl, w.e.bob, w.e.phone, w.r.r3, w.r.r5]),
    );
  });
});
