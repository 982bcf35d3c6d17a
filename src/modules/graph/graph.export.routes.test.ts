import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/test-db.ts';
import { auditOf, expectProblem } from '../../server/http.test-helpers.ts';
import { type TestApp, type TestUser } from '../../server/test-app.ts';
import {
  withGraphWorld,
  expandAs,
  summary,
  type GraphJson,
  type GraphWorld,
} from './graph.test-helpers.ts';
import { parseGraphml } from './graphml.test-helpers.ts';

describeEachDatabase('graph export and structure', (kind) => {
  let t: TestApp;
  let w: GraphWorld;
  withGraphWorld(kind, (app, world) => ((t = app), (w = world)));

  const exportAs = (as: TestUser, query: string) =>
    t.app.inject({ method: 'GET', url: `/api/v1/graph/export?${query}`, headers: as.auth });

  it('GraphML: a download holding the same nodes and edges as the expansion', async () => {
    const res = await exportAs(w.analyst, `entityId=${w.e.alice}&hops=2&format=graphml`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/graphml\+xml/);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="watchfloor-graph-${w.e.alice}.graphml"`,
    );
    const parsed = parseGraphml(res.body);
    const { graph } = await expandAs(t, w.analyst, { entityId: w.e.alice, hops: 2 });
    expect(parsed.nodes.map((n) => n.id)).toEqual(graph.nodes.map((n) => n.id));
    expect(parsed.edges.map((e) => [e.id, e.source, e.target])).toEqual(
      graph.edges.map((e) => [e.id, e.source, e.target]),
    );
  });

  it('JSON: the expansion itself, as a file', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/graph/export',
      headers: w.analyst.auth,
      payload: { entityId: w.e.carl, hops: 1, format: 'json' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/\.json"$/);
    const { graph } = await expandAs(t, w.analyst, { entityId: w.e.carl, hops: 1 });
    expect(res.json<GraphJson>()).toEqual(graph);
  });

  it('a restrictive viewer exports only what they may see; every export is audited with its format', async () => {
    const res = await exportAs(w.partner, `entityId=${w.e.alice}&hops=3&format=graphml`);
    expect(res.statusCode, res.body).toBe(200);
    for (const hidden of [w.e.dana, w.r.r2, w.r.r4]) expect(res.body).not.toContain(hidden);
    expect(res.body).not.toContain('Dana');
    const [event] = await auditOf(t.app, w.auditor, w.e.alice, '&action=graph.export');
    expect(event).toMatchObject({ decision: 'allow', actorUserId: w.partner.id });
    expect(event?.details).toMatchObject({ format: 'graphml' });
    expectProblem(
      await exportAs(w.partner, `entityId=${w.e.dana}&format=graphml`),
      404,
      'entities.not_found',
    );
    expectProblem(
      await exportAs(w.partner, `entityId=${w.e.alice}&format=pdf`),
      400,
      'validation.failed',
    );
  });

  it('structure of caller-named nodes: invisible ones are left out, the rest get communities and centrality', async () => {
    const nodeIds = [w.e.alice, w.e.bob, w.e.carl, w.e.dana, w.r.r1, w.r.r4];
    const as = (user: TestUser) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/graph/structure',
        headers: user.auth,
        payload: { nodeIds },
      });
    const partner = await as(w.partner);
    expect(partner.statusCode, partner.body).toBe(200);
    const seen = partner.json<GraphJson>();
    expect(summary(w, seen)).toEqual({
      nodes: ['alice', 'bob', 'carl', 'r1'],
      co: ['alice-bob:1', 'bob-carl:1'],
    });
    expect(
      seen.nodes.every(
        (n) => typeof n['community'] === 'number' && (n.kind === 'record' || n.hop === null),
      ),
    ).toBe(true);
    expect(seen.structure).toMatchObject({ communities: expect.any(Number) });
    const analyst = (await as(w.analyst)).json<GraphJson>();
    expect(summary(w, analyst)).toEqual({
      nodes: ['alice', 'bob', 'carl', 'dana', 'r1', 'r4'],
      co: ['alice-bob:2', 'alice-dana:1', 'bob-carl:1'],
    });
  });
});
