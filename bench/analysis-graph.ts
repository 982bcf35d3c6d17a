/**
 * Link-analysis queries for the analysis benchmark: what an analyst clicks on a link chart,
 * with seeds drawn from the world itself — the entities of the planted Norfolk cluster and the
 * busiest people and vehicles (most records), which make the largest neighbourhoods.
 *   - 2-hop expansion, default cap (500 nodes);
 *   - 2-hop expansion at the largest cap (2,000 nodes): issue #4's goal, p95 < 100 ms;
 *   - the same around the world's largest neighbourhoods (shared identifiers and e-mails of
 *     cyber indicators, ~1,000 nodes at two hops; people's are ~150 nodes at most);
 *   - 1-hop expansion from a planted record;
 *   - shortest paths (up to 4 hops) between two planted-cluster entities;
 *   - 2-hop expansion with communities and centrality.
 * The same service functions serve the API (src/modules/graph/graph.service.ts
 * `expandGraph`, paths.service.ts `findPaths`); here they are called over HTTP like a client.
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/db/raw.ts';
import type { Opened } from '../src/main.ts';
import { PLANTED_SCRIPT } from '../src/demo/planted-script.ts';
import { expectOk, type Auth, type QuerySet, type Viewers } from './analysis-queries.ts';

type Seeds = { cluster: string[]; busiest: string[]; hubs: string[]; clusterRecords: string[] };

async function seeds(opened: Opened): Promise<Seeds> {
  const db = opened.database.db;
  const titles = `{${PLANTED_SCRIPT.map((s) => `"${s.title.replace(/"/g, '\\"')}"`).join(',')}}`;
  const cluster = await queryRows<{ id: string; record: string }>(
    db,
    sql`select distinct o.entity_id as id, r.id as record from records r
      join observations o on o.record_id = r.id
      where r.title = any(${titles}::text[]) and o.type in ('person', 'vehicle', 'phone')
      order by id limit 40`,
  );
  const busiest = await queryRows<{ id: string }>(
    db,
    sql`select entity_id as id from observations where type in ('person', 'vehicle')
      group by entity_id order by count(distinct record_id) desc, entity_id limit 20`,
  );
  // Shared identifiers and e-mail addresses (cyber indicators) join hundreds of records: the
  // largest neighbourhoods of the world, around a thousand nodes at two hops.
  const hubs = await queryRows<{ id: string }>(
    db,
    sql`select entity_id as id from observations where type in ('identifier', 'email')
      group by entity_id order by count(distinct record_id) desc, entity_id limit 40`,
  );
  return {
    cluster: [...new Set(cluster.map((c) => c.id))],
    clusterRecords: [...new Set(cluster.map((c) => c.record))],
    busiest: busiest.map((b) => b.id),
    hubs: hubs.map((h) => h.id),
  };
}

function postSet(
  baseUrl: string,
  name: string,
  goalP95Ms: number | undefined,
  path: string,
  bodies: { body: object; describe: string }[],
): QuerySet {
  return {
    name,
    goalP95Ms,
    describe: bodies.map((b) => b.describe),
    queries: bodies,
    run: async (auth, i) => {
      const { body } = bodies[i % bodies.length]!;
      const res = await fetch(baseUrl + path, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      await expectOk(res, `POST ${path}`);
    },
  };
}

/** Seeds both viewers may see, so both measure the same work (an invisible seed is a 404). */
async function visibleToAll(baseUrl: string, viewers: Viewers, bodies: object[]) {
  const kept: object[] = [];
  for (const body of bodies) {
    const ok = await Promise.all(
      Object.values(viewers).map(async (auth: Auth) => {
        const res = await fetch(`${baseUrl}/api/v1/graph/expand`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify({ ...body, hops: 1, maxNodes: 1 }),
        });
        await res.arrayBuffer();
        return res.ok;
      }),
    );
    if (ok.every(Boolean)) kept.push(body);
  }
  return kept;
}

export async function graphQuerySets(
  opened: Opened,
  baseUrl: string,
  viewers: Viewers,
): Promise<QuerySet[]> {
  const found = await seeds(opened);
  const entity = async (ids: string[]) =>
    (
      await visibleToAll(
        baseUrl,
        viewers,
        ids.map((entityId) => ({ entityId })),
      )
    ).map((b) => (b as { entityId: string }).entityId);
  const s = {
    cluster: await entity(found.cluster),
    busiest: await entity(found.busiest),
    hubs: await entity(found.hubs),
    clusterRecords: (
      await visibleToAll(
        baseUrl,
        viewers,
        found.clusterRecords.map((recordId) => ({ recordId })),
      )
    ).map((b) => (b as { recordId: string }).recordId),
  };
  const around = [...s.cluster.slice(0, 10), ...s.busiest.slice(0, 10)];
  const expand = (extra: object, what: string) =>
    around.map((entityId) => ({
      body: { entityId, hops: 2, ...extra },
      describe: `2-hop expansion ${what} around ${entityId}`,
    }));
  // Pairs inside the planted cluster (connected), else among the busiest (often not).
  const pool = s.cluster.length >= 2 ? s.cluster : s.busiest;
  const pairs = pool.slice(0, 10).flatMap((from, i) => {
    const to = pool[(i + 3) % pool.length];
    return to && to !== from ? [{ from, to }] : [];
  });
  const sets = [
    postSet(
      baseUrl,
      'graph: 2-hop expansion, 500-node cap',
      undefined,
      '/api/v1/graph/expand',
      expand({}, 'cap 500'),
    ),
    postSet(
      baseUrl,
      'graph: 2-hop expansion, 2,000-node cap',
      100,
      '/api/v1/graph/expand',
      expand({ maxNodes: 2000 }, 'cap 2000'),
    ),
    postSet(
      baseUrl,
      'graph: 2-hop expansion, largest neighbourhoods (2,000-node cap)',
      100,
      '/api/v1/graph/expand',
      s.hubs.slice(0, 10).map((entityId) => ({
        body: { entityId, hops: 2, maxNodes: 2000 },
        describe: `2-hop expansion around the shared identifier or e-mail ${entityId}`,
      })),
    ),
    postSet(
      baseUrl,
      'graph: 1-hop expansion from a record',
      undefined,
      '/api/v1/graph/expand',
      s.clusterRecords.slice(0, 10).map((recordId) => ({
        body: { recordId, hops: 1 },
        describe: `1-hop expansion from record ${recordId}`,
      })),
    ),
    postSet(
      baseUrl,
      'graph: shortest paths (≤ 4 hops)',
      undefined,
      '/api/v1/graph/paths',
      pairs.map((p) => ({ body: { ...p, maxHops: 4 }, describe: `paths ${p.from} → ${p.to}` })),
    ),
    postSet(
      baseUrl,
      'graph: 2-hop expansion with communities and centrality',
      undefined,
      '/api/v1/graph/expand',
      expand({ structure: true }, 'with structure'),
    ),
  ];
  // A set with no seed both viewers may see (a small world) is left out, not failed.
  return sets.filter((set) => set.queries.length > 0);
}
