/**
 * The realistic query sets of the analysis benchmark: what an analyst types and clicks,
 * with ids drawn from the world itself (entities of the planted cluster, busy places), so
 * each request does the work a real one would.
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/db/raw.ts';
import type { Opened } from '../src/main.ts';
import { graphQuerySets } from './analysis-graph.ts';

export type Auth = { authorization: string };
export type Viewers = { admin: Auth; restrictive: Auth };

export type QuerySet = {
  name: string;
  goalP95Ms: number | undefined;
  /** One line per query, for the notes. */
  describe: string[];
  queries: readonly unknown[];
  /** Requests measured per viewer, when fewer than the run's default make sense. */
  rounds?: number | undefined;
  /** Sends query `i % queries.length` as `auth`; throws on anything but success. */
  run(auth: Auth, i: number): Promise<void>;
};

export async function expectOk(res: Response, what: string): Promise<void> {
  if (!res.ok)
    throw new Error(`${what} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  await res.arrayBuffer();
}

/** A set of GET paths, each sent as is. */
export function getSet(
  baseUrl: string,
  name: string,
  goalP95Ms: number | undefined,
  paths: { path: string; describe: string }[],
  rounds?: number,
): QuerySet {
  return {
    name,
    goalP95Ms,
    rounds,
    describe: paths.map((p) => p.describe),
    queries: paths,
    run: async (auth, i) => {
      const { path } = paths[i % paths.length]!;
      await expectOk(await fetch(baseUrl + path, { headers: auth }), `GET ${path}`);
    },
  };
}

type WorldFacts = {
  latest: Date;
  people: string[];
  siteId: string | undefined;
  recordId: string;
};

/** Ids and dates the queries use, read from the world (system-level, not through the API). */
async function worldFacts(opened: Opened): Promise<WorldFacts> {
  const db = opened.database.db;
  const [span] = await queryRows<{ latest: Date }>(
    db,
    sql`select max(occurred_from) as latest from records`,
  );
  // Entities seen in several records: the ones an analyst opens and expands.
  const people = await queryRows<{ entity_id: string; n: number }>(
    db,
    sql`select entity_id, count(distinct record_id)::int as n from observations
        where type = 'person' group by entity_id having count(distinct record_id) between 3 and 40
        order by entity_id limit 60`,
  );
  const [site] = await queryRows<{ id: string }>(
    db,
    sql`select id from infrastructure_sites order by name limit 1`,
  );
  const [record] = await queryRows<{ id: string }>(
    db,
    sql`select id from records where lat is not null order by id limit 1`,
  );
  return {
    latest: new Date(span?.latest ?? Date.now()),
    people: people.map((p) => p.entity_id),
    siteId: site?.id,
    recordId: record!.id,
  };
}

const VIRGINIA = '-83.7,36.5,-75.2,39.5';
const NORTHERN_VIRGINIA = '-77.6,38.6,-77.0,39.1';
const NORFOLK = '-76.4,36.8,-76.2,37.0';

export async function querySets(
  opened: Opened,
  baseUrl: string,
  viewers: Viewers,
): Promise<QuerySet[]> {
  const facts = await worldFacts(opened);
  // Both viewers ask about the same entities, so the restrictive one must see them too.
  const seen = async (ids: string[], n: number) => {
    const out: string[] = [];
    for (const id of ids) {
      if (out.length === n) break;
      const res = await fetch(`${baseUrl}/api/v1/entities/${id}`, { headers: viewers.restrictive });
      await res.arrayBuffer();
      if (res.ok) out.push(id);
    }
    return out;
  };
  const w = {
    ...facts,
    people: await seen(facts.people, 6),
  };
  const to = w.latest.toISOString();
  const yearAgo = new Date(w.latest.getTime() - 365 * 86_400_000).toISOString();
  const monthAgo = new Date(w.latest.getTime() - 30 * 86_400_000).toISOString();
  const twoYearsAgo = new Date(w.latest.getTime() - 730 * 86_400_000).toISOString().slice(0, 10);
  const q = (params: Record<string, string>) => new URLSearchParams(params).toString();
  const search = (params: Record<string, string>, describe: string) => ({
    path: `/api/v1/search?${q(params)}`,
    describe,
  });
  return [
    getSet(baseUrl, 'search', 50, [
      search({ q: 'drone' }, 'words: "drone"'),
      search({ q: 'photographing fence line' }, 'words: "photographing fence line"'),
      search({ q: 'Garcia' }, 'a surname: "Garcia"'),
      search({ q: 'Jon Smyth' }, 'a misspelt name: "Jon Smyth" (trigram)'),
      search({ q: '757' }, 'an identifier fragment: "757"'),
      search({ q: 'suspicious', kind: 'sar', category: 'AVIATION' }, 'words + kind + category'),
      search({ from: monthAgo, to, sort: 'date' }, 'the last month, newest first'),
      search({ q: 'vehicle', bbox: NORFOLK }, 'words + Norfolk bounding box'),
      search(
        { near: '36.9075,-76.315', radiusKm: '5' },
        '5 km around Norfolk International Terminals',
      ),
      search({ entity: w.people[0]! }, 'all records of an entity'),
    ]),
    ...(await graphQuerySets(opened, baseUrl, viewers)),
    getSet(baseUrl, 'geo: hotspots', 200, [
      {
        path: `/api/v1/geo/hotspots?${q({ bbox: VIRGINIA, from: yearAgo, to, zoom: '7' })}`,
        describe: 'Virginia, one year, zoom 7 (the goal query)',
      },
      {
        path: `/api/v1/geo/hotspots?${q({ bbox: VIRGINIA, from: yearAgo, to, zoom: '7', category: 'AVIATION' })}`,
        describe: 'the same, AVIATION only',
      },
      {
        path: `/api/v1/geo/hotspots?${q({ bbox: NORTHERN_VIRGINIA, from: yearAgo, to, zoom: '10' })}`,
        describe: 'Northern Virginia, one year, zoom 10',
      },
    ]),
    getSet(baseUrl, 'geo: points and proximity', undefined, [
      {
        path: `/api/v1/geo/records?${q({ bbox: VIRGINIA, from: yearAgo, to })}`,
        describe: 'newest located records state-wide over a year',
      },
      {
        path: `/api/v1/geo/records?${q({ bbox: NORFOLK, from: yearAgo, to })}`,
        describe: 'a Norfolk box',
      },
      {
        path: `/api/v1/geo/near?${q({ lat: '36.9075', lon: '-76.315', radiusKm: '5' })}`,
        describe: 'within 5 km of a point',
      },
      ...(w.siteId
        ? [
            {
              path: `/api/v1/geo/sites/${w.siteId}/near`,
              describe: 'near a critical-infrastructure site',
            },
          ]
        : []),
    ]),
    getSet(baseUrl, 'timeline', undefined, [
      ...w.people.slice(0, 3).map((id, i) => ({
        path: `/api/v1/timeline?${q({ entityId: id })}`,
        describe: `an entity's timeline (#${i + 1})`,
      })),
    ]),
    getSet(
      baseUrl,
      'trends: whole state, two years',
      undefined,
      [
        {
          path: `/api/v1/trends?${q({ from: twoYearsAgo, to: to.slice(0, 10), region: 'county' })}`,
          describe: 'every SAR category × county, weekly, two years, with detection',
        },
        {
          path: `/api/v1/trends?${q({ from: twoYearsAgo, to: to.slice(0, 10), region: 'h3:5', flaggedOnly: 'true' })}`,
          describe: 'every SAR category × H3 resolution-5 cell, flagged series only',
        },
      ],
      20,
    ),
  ];
}
