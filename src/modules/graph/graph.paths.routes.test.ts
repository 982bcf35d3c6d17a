import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/test-db.ts';
import { auditOf, expectProblem, MISSING_ID } from '../../server/http.test-helpers.ts';
import { type TestApp, type TestUser } from '../../server/test-app.ts';
import { withGraphWorld, type GraphWorld } from './graph.test-helpers.ts';

type Paths = {
  from: string;
  to: string;
  length: number | null;
  paths: string[][];
  morePaths: boolean;
  searchLimited: boolean;
  nodes: { id: string; label: string; hop: number }[];
  edges: {
    source: string;
    target: string;
    weight: number;
    records: { id: string; label: string }[];
    links: { id: string; label: string }[];
  }[];
};

describeEachDatabase('graph paths', (kind) => {
  let t: TestApp;
  let w: GraphWorld;
  withGraphWorld(kind, (app, world) => ((t = app), (w = world)));

  const paths = (as: TestUser, body: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/api/v1/graph/paths', headers: as.auth, payload: body });
  async function pathsOf(as: TestUser, body: Record<string, unknown>): Promise<Paths> {
    const res = await paths(as, body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Paths>();
  }
  const named = (p: Paths) => p.paths.map((path) => path.map(w.name).join('>'));
  const edge = (p: Paths, a: string, b: string) =>
    p.edges.find((e) => (e.source === a && e.target === b) || (e.source === b && e.target === a));

  it('the shortest path, each edge with the visible records that support it', async () => {
    const p = await pathsOf(w.analyst, { from: w.e.alice, to: w.e.phone });
    expect(p).toMatchObject({ from: w.e.alice, to: w.e.phone, length: 3, morePaths: false });
    expect(named(p)).toEqual(['alice>bob>carl>phone']);
    const ab = edge(p, w.e.alice, w.e.bob);
    expect(ab?.weight).toBe(2);
    expect(ab?.records.map((r) => w.name(r.id))).toEqual(['r2', 'r1']);
    expect(p.nodes.map((n) => [n.label, n.hop])).toEqual([
      ['Alice Smith', 0],
      ['Bob Jones', 1],
      ['Carl Diaz', 2],
      ['+18045550177', 3],
    ]);
  });

  it('a viewer without LES gets the same path with only the records they may see', async () => {
    const p = await pathsOf(w.partner, { from: w.e.alice, to: w.e.phone });
    expect(named(p)).toEqual(['alice>bob>carl>phone']);
    expect(edge(p, w.e.alice, w.e.bob)).toMatchObject({ weight: 1, records: [{ id: w.r.r1 }] });
    const body = JSON.stringify(p);
    expect(body).not.toContain(w.r.r2);
    expect(body).not.toContain(w.r.r4);
  });

  it('no path within the hop limit: length null', async () => {
    const p = await pathsOf(w.analyst, { from: w.e.alice, to: w.e.phone, maxHops: 2 });
    expect(p).toMatchObject({ length: null, paths: [], edges: [] });
  });

  it('filters apply to the path: without tips there is no way to the phone', async () => {
    const p = await pathsOf(w.analyst, {
      from: w.e.alice,
      to: w.e.phone,
      recordKinds: ['incident'],
      maxHops: 4,
    });
    expect(p.length).toBeNull();
    const people = await pathsOf(w.analyst, {
      from: w.e.van,
      to: w.e.carl,
      entityTypes: ['vehicle'],
    });
    expect(people.length).toBeNull(); // bob, a person, may not be on the path
  });

  it('an analyst link makes a shorter path; several shortest paths are capped with morePaths', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/graph/links',
      headers: w.analyst.auth,
      payload: {
        fromEntityId: w.e.dana,
        toEntityId: w.e.carl,
        label: 'cousin of',
        source: 'interview',
        markings: { tlp: 'GREEN', caveats: [] },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const p = await pathsOf(w.analyst, { from: w.e.alice, to: w.e.carl });
    expect(named(p).sort()).toEqual(['alice>bob>carl', 'alice>dana>carl']);
    expect(edge(p, w.e.dana, w.e.carl)).toMatchObject({
      weight: 0,
      records: [],
      links: [{ label: 'cousin of' }],
    });
    const one = await pathsOf(w.analyst, { from: w.e.alice, to: w.e.carl, maxPaths: 1 });
    expect(one.paths).toHaveLength(1);
    expect(one.morePaths).toBe(true);
    // Agency B sees neither dana nor the link that rests on her.
    const b = await pathsOf(w.analystB, { from: w.e.alice, to: w.e.carl });
    expect(named(b)).toEqual(['alice>bob>carl']);
    expect(JSON.stringify(b)).not.toContain(w.e.dana);
  });

  it('an end the viewer may not see answers 404 like a missing one, audited', async () => {
    expectProblem(
      await paths(w.partner, { from: w.e.alice, to: w.e.dana }),
      404,
      'entities.not_found',
    );
    expectProblem(
      await paths(w.partner, { from: MISSING_ID, to: w.e.alice }),
      404,
      'entities.not_found',
    );
    const [deny] = await auditOf(t.app, w.auditor, w.e.dana, '&action=graph.paths');
    expect(deny).toMatchObject({ decision: 'deny', actorUserId: w.partner.id });
  });

  it('the query-string form works too, and maxHops is bounded', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/graph/paths?from=${w.e.bob}&to=${w.e.phone}&maxHops=2`,
      headers: w.analyst.auth,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Paths>().length).toBe(2);
    expectProblem(await paths(w.analyst, { from: w.e.bob, to: w.e.carl, maxHops: 5 }), 400);
  });
});
