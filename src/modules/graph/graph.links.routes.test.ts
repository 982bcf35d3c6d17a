import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/test-db.ts';
import { auditOf, expectProblem, problemPaths } from '../../server/http.test-helpers.ts';
import { recordBody, type TestApp, type TestUser } from '../../server/test-app.ts';
import { entities, observations } from '../entities/entities.table.ts';
import { withGraphWorld, expandAs, summary, type GraphWorld } from './graph.test-helpers.ts';

type Link = {
  id: string;
  fromEntityId: string;
  toEntityId: string | null;
  toRecordId: string | null;
  label: string;
  source: string;
  ownerAgencyId: string;
  createdByUserId: string;
};

const shared = { tlp: 'GREEN', caveats: [], partnerShare: 'full' };

describeEachDatabase('analyst links', (kind) => {
  let t: TestApp;
  let w: GraphWorld;
  withGraphWorld(kind, (app, world) => ((t = app), (w = world)));

  const createLink = (as: TestUser, body: Record<string, unknown>) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/graph/links',
      headers: as.auth,
      payload: { label: 'associate of', source: 'FI card 2026-114', markings: shared, ...body },
    });
  const listLinks = async (as: TestUser, query: string) => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/graph/links?${query}`,
      headers: as.auth,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: Link[] }>().items;
  };
  async function link(as: TestUser, body: Record<string, unknown>): Promise<Link> {
    const res = await createLink(as, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Link>();
  }

  it('an analyst links two entities; the link is an edge and a hop in the expansion', async () => {
    const made = await link(w.analyst, {
      fromEntityId: w.e.alice,
      toEntityId: w.e.phone,
      label: 'uses the phone',
    });
    expect(made).toMatchObject({
      fromEntityId: w.e.alice,
      toEntityId: w.e.phone,
      toRecordId: null,
      label: 'uses the phone',
      source: 'FI card 2026-114',
      ownerAgencyId: w.analyst.agencyId,
      createdByUserId: w.analyst.id,
    });
    const { graph } = await expandAs(t, w.analyst, { entityId: w.e.alice, hops: 1 });
    expect(graph.nodes.find((n) => n.id === w.e.phone)?.hop).toBe(1);
    expect(graph.edges).toContainEqual(
      expect.objectContaining({
        kind: 'link',
        source: w.e.alice,
        target: w.e.phone,
        link: expect.objectContaining({ id: made.id, label: 'uses the phone' }),
      }),
    );
    expect((await listLinks(w.analyst, `entityId=${w.e.phone}`)).map((l) => l.id)).toContain(
      made.id,
    );
  });

  it('a link to a record brings the record into the expansion', async () => {
    await link(w.analyst, { fromEntityId: w.e.van, toRecordId: w.r.r5, label: 'seen near' });
    const { graph } = await expandAs(t, w.analyst, { entityId: w.e.van, hops: 1 });
    expect(summary(w, graph).nodes).toContain('r5');
    expect(graph.edges).toContainEqual(
      expect.objectContaining({ kind: 'link', source: w.e.van, target: w.r.r5 }),
    );
    expect((await listLinks(w.analyst, `recordId=${w.r.r5}`)).map((l) => l.label)).toContain(
      'seen near',
    );
  });

  it('making a link needs sight of both ends: otherwise 404 as for a missing one, audited', async () => {
    const toHidden = await createLink(w.analystB, { fromEntityId: w.e.bob, toEntityId: w.e.dana });
    expectProblem(toHidden, 404, 'entities.not_found');
    const toHiddenRecord = await createLink(w.analystB, {
      fromEntityId: w.e.bob,
      toRecordId: w.r.r4,
    });
    expectProblem(toHiddenRecord, 404, 'records.not_found');
    const [deny] = await auditOf(t.app, w.auditor, w.e.dana, '&action=graph.link.create');
    expect(deny).toMatchObject({ decision: 'deny', actorUserId: w.analystB.id });
    expectProblem(
      await createLink(w.partner, { fromEntityId: w.e.bob, toEntityId: w.e.carl }),
      403,
    );
  });

  it('a link is shown only to a viewer who may see it and both its ends', async () => {
    const toDana = await link(w.analyst, { fromEntityId: w.e.carl, toEntityId: w.e.dana });
    const ownOnly = await link(w.analyst, {
      fromEntityId: w.e.bob,
      toEntityId: w.e.carl,
      markings: { tlp: 'AMBER+STRICT', caveats: [] },
    });
    const seenByA = (await listLinks(w.analyst, `entityId=${w.e.carl}`)).map((l) => l.id);
    expect(seenByA).toEqual(expect.arrayContaining([toDana.id, ownOnly.id]));
    const seenByB = (await listLinks(w.analystB, `entityId=${w.e.carl}`)).map((l) => l.id);
    expect(seenByB).not.toContain(toDana.id);
    expect(seenByB).not.toContain(ownOnly.id);
    const all = await t.app.inject({
      method: 'GET',
      url: '/api/v1/graph/links',
      headers: w.analystB.auth,
    });
    expect(all.body).not.toContain(toDana.id);
    expect(all.body).not.toContain(w.e.dana);
    const { graph } = await expandAs(t, w.analystB, { entityId: w.e.carl, hops: 3 });
    expect(JSON.stringify(graph)).not.toContain(w.e.dana);
    expect(JSON.stringify(graph)).not.toContain(ownOnly.id);
  });

  it('bad links: to itself, markings the author does not meet, two targets', async () => {
    expectProblem(
      await createLink(w.analyst, { fromEntityId: w.e.bob, toEntityId: w.e.bob }),
      422,
      'graph.link_to_itself',
    );
    const health = await createLink(w.analyst, {
      fromEntityId: w.e.bob,
      toEntityId: w.e.carl,
      markings: { tlp: 'GREEN', caveats: ['HEALTH'] },
    });
    expectProblem(health, 422);
    const both = await createLink(w.analyst, {
      fromEntityId: w.e.bob,
      toEntityId: w.e.carl,
      toRecordId: w.r.r1,
    });
    expectProblem(both, 400, 'validation.failed');
    expect(problemPaths(both)).toContain('body.toEntityId');
  });

  it('delete: not by another agency (403), by the author (204); both audited', async () => {
    const made = await link(w.analyst, { fromEntityId: w.e.bob, toEntityId: w.e.van });
    const res = (as: TestUser) =>
      t.app.inject({ method: 'DELETE', url: `/api/v1/graph/links/${made.id}`, headers: as.auth });
    expectProblem(await res(w.analystB), 403, 'graph.link_not_yours');
    expect((await res(w.analyst)).statusCode).toBe(204);
    expectProblem(await res(w.analyst), 404, 'graph.link_not_found');
    const events = await auditOf(t.app, w.auditor, made.id, '&action=graph.link.delete');
    expect(events.map((e) => e.decision)).toEqual(['deny', 'allow', 'deny']);
    expect((await listLinks(w.analyst, `entityId=${w.e.van}`)).map((l) => l.id)).not.toContain(
      made.id,
    );
  });

  it('a link follows merges: an end merged into another entity shows at the survivor', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/records',
      headers: w.analyst.auth,
      payload: recordBody({
        narrative: '',
        observations: [
          {
            type: 'person',
            role: 'subject',
            attributes: { givenName: 'Robert', surname: 'Jones' },
          },
        ],
      }),
    });
    const [obs] = created.json<{ observations: { id: string; entityId: string }[] }>().observations;
    const robert = obs!.entityId;
    const made = await link(w.analyst, { fromEntityId: w.e.carl, toEntityId: robert });
    // Resolution later judges Robert to be Bob: his observation moves, his entity points on.
    await t.database.db
      .update(observations)
      .set({ entityId: w.e.bob })
      .where(eq(observations.id, obs!.id));
    await t.database.db
      .update(entities)
      .set({ mergedIntoId: w.e.bob })
      .where(eq(entities.id, robert));
    const atBob = await listLinks(w.analyst, `entityId=${w.e.bob}`);
    expect(atBob.find((l) => l.id === made.id)).toMatchObject({ toEntityId: w.e.bob });
  });
});
