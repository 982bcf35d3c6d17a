/**
 * A small world for graph tests, built through the API. Agency A's records carry a mix of
 * markings; resolution is settled by hand (every observation of one key is the same entity),
 * so the expected graph can be written down:
 *
 *   r1 GREEN        alice, bob, van        (every viewer)
 *   r2 GREEN + LES  alice, bob             (not the partner)
 *   r3 GREEN        bob, carl              (every viewer)
 *   r4 AMBER+STRICT + LES  alice, dana     (agency A only)
 *   r5 GREEN tip    carl, phone            (every viewer), a year earlier
 *
 * So dana exists only through a record the partner and agency B may not see.
 */
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { observations } from '../entities/entities.table.ts';
import type { DatabaseKind } from '../../db/client.ts';
import { createTestApp, recordBody, type TestApp, type TestUser } from '../../server/test-app.ts';
import type { GraphView } from './graph.service.ts';

export const ENTITY_SPECS = {
  alice: { type: 'person', attributes: { givenName: 'Alice', surname: 'Smith' } },
  bob: { type: 'person', attributes: { givenName: 'Bob', surname: 'Jones' } },
  carl: { type: 'person', attributes: { givenName: 'Carl', surname: 'Diaz' } },
  dana: { type: 'person', attributes: { givenName: 'Dana', surname: 'Hidden' } },
  van: { type: 'vehicle', attributes: { plate: 'GRF1234', plateState: 'VA', make: 'Ford' } },
  phone: { type: 'phone', attributes: { number: '+18045550177' } },
} as const;
export type EntityKey = keyof typeof ENTITY_SPECS;

const open = { tlp: 'GREEN', caveats: [], partnerShare: 'full' };
const les = { tlp: 'GREEN', caveats: ['LES'], partnerShare: 'full' };
const ownOnly = { tlp: 'AMBER+STRICT', caveats: ['LES'], partnerShare: 'full' };

export const RECORD_SPECS = {
  r1: {
    markings: open,
    kind: 'incident',
    at: '2026-01-10T00:00:00Z',
    who: ['alice', 'bob', 'van'],
  },
  r2: { markings: les, kind: 'incident', at: '2026-02-10T00:00:00Z', who: ['alice', 'bob'] },
  r3: { markings: open, kind: 'incident', at: '2026-03-10T00:00:00Z', who: ['bob', 'carl'] },
  r4: { markings: ownOnly, kind: 'incident', at: '2026-04-10T00:00:00Z', who: ['alice', 'dana'] },
  r5: { markings: open, kind: 'tip', at: '2025-05-10T00:00:00Z', who: ['carl', 'phone'] },
} as const satisfies Record<
  string,
  { markings: object; kind: string; at: string; who: readonly EntityKey[] }
>;
export type RecordKey = keyof typeof RECORD_SPECS;

export type GraphWorld = {
  analyst: TestUser;
  analystB: TestUser;
  partner: TestUser;
  auditor: TestUser;
  e: Record<EntityKey, string>;
  r: Record<RecordKey, string>;
  /** Ids back to names, for readable assertions. */
  name: (id: string) => string;
};

/** A test app with the world built once for the suite, handed over when ready. */
export function withGraphWorld(kind: DatabaseKind, ready: (t: TestApp, w: GraphWorld) => void) {
  let app: TestApp | undefined;
  beforeAll(async () => {
    app = await createTestApp(kind);
    ready(app, await buildGraphWorld(app));
  });
  afterAll(() => app?.close());
}

export async function buildGraphWorld(t: TestApp): Promise<GraphWorld> {
  const agencyA = await t.buildAgency();
  const analyst = await t.personas.analyst(agencyA.id);
  const analystB = await t.personas.analyst((await t.buildAgency()).id);
  const partner = await t.personas.partnerWithoutLes((await t.buildAgency()).id);
  const auditor = await t.personas.auditor(agencyA.id);
  const r = {} as Record<RecordKey, string>;
  const obsOf = new Map<EntityKey, string[]>();
  for (const [key, spec] of Object.entries(RECORD_SPECS) as [
    RecordKey,
    (typeof RECORD_SPECS)[RecordKey],
  ][]) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/records',
      headers: analyst.auth,
      payload: recordBody({
        kind: spec.kind,
        title: `Record ${key}`,
        narrative: '',
        occurredFrom: spec.at,
        markings: spec.markings,
        payload: spec.kind === 'tip' ? { receivedVia: 'phone' } : {},
        observations: spec.who.map((who) => ({ ...ENTITY_SPECS[who], role: 'subject' })),
      }),
    });
    expect(res.statusCode, res.body).toBe(201);
    const record = res.json<{
      id: string;
      observations: { id: string; type: string; attributes: object }[];
    }>();
    r[key] = record.id;
    for (const who of spec.who) {
      const o = record.observations.find((x) =>
        sameAttributes(x.attributes, ENTITY_SPECS[who].attributes),
      );
      if (!o) throw new Error(`no observation of ${who} in ${key}`);
      obsOf.set(who, [...(obsOf.get(who) ?? []), o.id]);
    }
  }
  const e = await settleEntities(t, obsOf);
  const names = new Map<string, string>(
    [...Object.entries(e), ...Object.entries(r)].map(([k, v]) => [v, k]),
  );
  return { analyst, analystB, partner, auditor, e, r, name: (id) => names.get(id) ?? id };
}

function sameAttributes(a: object, b: object): boolean {
  return Object.entries(b).every(([k, v]) => (a as Record<string, unknown>)[k] === v);
}

/** Every observation of one key becomes one entity: the current entity of its first one. */
async function settleEntities(t: TestApp, obsOf: Map<EntityKey, string[]>) {
  const e = {} as Record<EntityKey, string>;
  for (const [key, ids] of obsOf) {
    const [first] = await t.database.db
      .select({ entityId: observations.entityId })
      .from(observations)
      .where(inArray(observations.id, ids.slice(0, 1)));
    e[key] = first!.entityId;
    await t.database.db
      .update(observations)
      .set({ entityId: e[key] })
      .where(inArray(observations.id, ids));
  }
  return e;
}

type Json = Record<string, unknown>;
export type GraphJson = {
  seed: { kind: string; id: string } | null;
  nodes: (Json & { id: string; kind: string; label: string; hop?: number | null })[];
  edges: (Json & {
    id: string;
    kind: string;
    source: string;
    target: string;
    weight?: number;
    recordIds?: string[];
  })[];
  truncated: boolean;
  cut: GraphView['cut'];
  structure: GraphView['structure'];
};

export async function expandAs(
  t: TestApp,
  as: TestUser,
  body: Record<string, unknown>,
): Promise<{ res: LightMyRequestResponse; graph: GraphJson }> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/graph/expand',
    headers: as.auth,
    payload: body,
  });
  return { res, graph: res.statusCode === 200 ? res.json<GraphJson>() : (undefined as never) };
}

/** Node names and co-occurrence edges ("a-b:weight"), sorted, for compact assertions. */
export function summary(w: GraphWorld, g: GraphJson) {
  const n = (id: string) => w.name(id);
  return {
    nodes: g.nodes.map((x) => n(x.id)).sort(),
    co: g.edges
      .filter((x) => x.kind === 'co_occurs')
      .map((x) => `${[n(x.source), n(x.target)].sort().join('-')}:${x.weight ?? 0}`)
      .sort(),
  };
}
