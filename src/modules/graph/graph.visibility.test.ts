/**
 * The graph a restrictive viewer gets must be exactly the graph of a world in which the records
 * they may not see never existed: no node, edge, weight, label, cut count or path may rest on
 * an invisible record or link. Proved by asking the partner first, then deleting everything the
 * partner may not see and asking a viewer who sees all: the answers must be identical.
 */
import { eq, inArray, notInArray } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/test-db.ts';
import { walkPages } from '../../server/http.test-helpers.ts';
import { createTestApp, recordBody, type TestApp, type TestUser } from '../../server/test-app.ts';
import { mulberry32 } from '../../shared/seeded-random.ts';
import { observations } from '../entities/entities.table.ts';
import { records } from '../records/records.table.ts';
import { expandGraph } from './graph.service.ts';
import { expandRequestSchema, pathsRequestSchema } from './graph.schemas.ts';
import { graphLinks } from './graph.table.ts';
import { findPaths } from './paths.service.ts';

const PEOPLE = [
  'Ann Lee',
  'Ben Ruiz',
  'Cora Nash',
  'Dev Patel',
  'Eli Ford',
  'Fay Kim',
  'Gus Hale',
  'Hal Moss',
];
const PLATES = ['KTR1001', 'KTR1002', 'KTR1003'];
const KEYS = [...PEOPLE, ...PLATES];
const RECORDS = 36;

/** Dates of birth vary between records, so a label voted from hidden observations would show. */
function observation(key: string, i: number) {
  if (PLATES.includes(key))
    return { type: 'vehicle', role: 'mentioned', attributes: { plate: key, plateState: 'VA' } };
  const [givenName, surname] = key.split(' ');
  const dateOfBirth = String(1980 + (i % 3));
  return { type: 'person', role: 'subject', attributes: { givenName, surname, dateOfBirth } };
}

describeEachDatabase(
  'graph visibility: a restrictive viewer sees the graph of a world without what they may not see',
  (kind) => {
    let t: TestApp;
    let partner: TestUser;
    const entityOf = new Map<string, string>();

    beforeAll(async () => {
      t = await createTestApp(kind);
      const [a, b, c] = [await t.buildAgency(), await t.buildAgency(), await t.buildAgency()];
      const writers = [await t.personas.intelAnalyst(a.id), await t.personas.analyst(b.id)];
      partner = await t.personas.partnerWithoutLes(c.id);
      const markings = [
        { tlp: 'GREEN', caveats: [], partnerShare: 'full' },
        { tlp: 'CLEAR', caveats: [], partnerShare: 'full' },
        { tlp: 'GREEN', caveats: ['LES'], partnerShare: 'full' },
        { tlp: 'AMBER', caveats: [], partnerShare: 'full' },
        { tlp: 'AMBER+STRICT', caveats: [], partnerShare: 'full' },
        { tlp: 'GREEN', caveats: [], partnerShare: 'pointer' },
        { tlp: 'GREEN', caveats: ['PII'], partnerShare: 'full' },
        { tlp: 'GREEN', caveats: [], partnerShare: 'full', releasableTo: [c.id] },
        { tlp: 'GREEN', caveats: [], partnerShare: 'full', releasableTo: [b.id] },
      ];
      const rnd = mulberry32(20_260_401);
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
      const obsByKey = new Map<string, string[]>();
      for (let i = 0; i < RECORDS; i++) {
        const who = [
          ...new Set(Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => pick(KEYS))),
        ];
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/v1/records',
          headers: writers[i % 2]!.auth,
          payload: recordBody({
            title: `Report ${i}`,
            narrative: '',
            occurredFrom: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
            markings: pick(markings),
            observations: who.map((key) => observation(key, i)),
          }),
        });
        expect(res.statusCode, res.body).toBe(201);
        const made = res.json<{ observations: { id: string }[] }>().observations;
        who.forEach((key, j) => obsByKey.set(key, [...(obsByKey.get(key) ?? []), made[j]!.id]));
      }
      await settle(obsByKey);
      await addLinks(writers[0]!);
    }, 120_000);
    afterAll(() => t.close());

    /** One entity per key (resolution settled by hand). */
    async function settle(obsByKey: Map<string, string[]>) {
      for (const [key, ids] of obsByKey) {
        const [first] = await t.database.db
          .select({ entityId: observations.entityId })
          .from(observations)
          .where(eq(observations.id, ids[0]!));
        entityOf.set(key, first!.entityId);
        await t.database.db
          .update(observations)
          .set({ entityId: first!.entityId })
          .where(inArray(observations.id, ids));
      }
    }

    async function addLinks(author: TestUser) {
      const pairs: [string, string, string][] = [
        ['Ann Lee', 'Hal Moss', 'GREEN'],
        ['Ben Ruiz', 'KTR1003', 'GREEN'],
        ['Cora Nash', 'Gus Hale', 'AMBER'],
        ['Dev Patel', 'Eli Ford', 'GREEN'],
      ];
      for (const [from, to, tlp] of pairs) {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/v1/graph/links',
          headers: author.auth,
          payload: {
            fromEntityId: entityOf.get(from),
            toEntityId: entityOf.get(to),
            label: `${from} knows ${to}`,
            source: 'debrief',
            markings: { tlp, caveats: [] },
          },
        });
        expect(res.statusCode, res.body).toBe(201);
      }
    }

    const requests = () =>
      KEYS.flatMap((key) => [
        { entityId: entityOf.get(key)!, hops: 3, maxNodes: 2000 },
        { entityId: entityOf.get(key)!, hops: 2, maxNodes: 5, structure: true },
        {
          entityId: entityOf.get(key)!,
          hops: 1,
          maxNodes: 50,
          minWeight: 2,
          includeRecords: false,
        },
      ]);
    const pathRequests = () =>
      PEOPLE.slice(1).map((key) => ({
        from: entityOf.get('Ann Lee')!,
        to: entityOf.get(key)!,
        maxHops: 4,
      }));

    async function asPartner(url: string, body: object) {
      const res = await t.app.inject({ method: 'POST', url, headers: partner.auth, payload: body });
      return {
        status: res.statusCode,
        body: res.statusCode === 200 ? res.json<unknown>() : null,
      };
    }

    async function asSeeingAll<T>(run: () => Promise<T>) {
      try {
        return { status: 200, body: JSON.parse(JSON.stringify(await run())) as unknown };
      } catch (err) {
        return { status: (err as { status?: number }).status ?? 500, body: null };
      }
    }

    it('expansions, cut counts, structure and paths match those of the world without the hidden records', async () => {
      const partnerSees: unknown[] = [];
      for (const body of requests())
        partnerSees.push(await asPartner('/api/v1/graph/expand', body));
      for (const body of pathRequests())
        partnerSees.push(await asPartner('/api/v1/graph/paths', body));

      const everything: unknown[] = [];
      for (const body of requests())
        everything.push(
          await asSeeingAll(() => expandGraph(t.system, expandRequestSchema.parse(body))),
        );
      // The test can fail: before the deletion, a viewer who sees all gets a different graph.
      expect(everything).not.toEqual(partnerSees.slice(0, everything.length));

      const visible = await walkPages(t.app, '/api/v1/records', partner.auth, 100);
      expect(visible.ids.length).toBeGreaterThan(3);
      expect(visible.ids.length).toBeLessThan(RECORDS - 3);
      await t.database.db.delete(records).where(notInArray(records.id, visible.ids));
      await t.database.db.delete(graphLinks).where(eq(graphLinks.tlp, 'AMBER'));

      const world: unknown[] = [];
      for (const body of requests())
        world.push(await asSeeingAll(() => expandGraph(t.system, expandRequestSchema.parse(body))));
      for (const body of pathRequests())
        world.push(await asSeeingAll(() => findPaths(t.system, pathsRequestSchema.parse(body))));
      expect(partnerSees).toEqual(world);
      expect(
        partnerSees.filter((x) => (x as { status: number }).status === 200).length,
      ).toBeGreaterThan(10);
    }, 120_000);
  },
);
