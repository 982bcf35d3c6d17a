/**
 * Shortest paths between two entities, each edge with the visible records that support it
 * (latest first) and the visible analyst links along it. Audited with every node and record
 * shown.
 */
import type { ServiceContext } from '../../shared/context.ts';
import { entityLabel } from './entity-label.ts';
import { audited } from './graph.service.ts';
import { entitySeed, isDenied } from './seeds.ts';
import type { PathsRequest } from './graph.schemas.ts';
import type { Repos } from './assemble.ts';
import { searchPaths } from './paths.ts';
import { createPathsRepository, type SharedRecord } from './paths.repository.ts';
import type { LinkRow } from './links.repository.ts';

/** Supporting records listed per path edge; `weight` counts them all. */
const RECORDS_PER_EDGE = 20;

export function findPaths(ctx: ServiceContext, req: PathsRequest) {
  return audited(ctx, async (repos, db) => {
    const from = await entitySeed(repos, 'graph.paths', req.from);
    if (isDenied(from)) return from;
    const to = await entitySeed(repos, 'graph.paths', req.to);
    if (isDenied(to)) return to;
    const paths = createPathsRepository({ db, viewer: ctx.viewer });
    const result = await pathsBetween({ ...repos, paths }, from.id, to.id, req);
    const shown = [
      ...result.nodes.map((n) => n.id),
      ...result.edges.flatMap((e) => e.records.map((r) => r.id)),
    ];
    return {
      result,
      audit: {
        action: 'graph.paths',
        objectType: 'graph',
        objectIds: [...new Set(shown)],
        details: { request: req, length: result.length, paths: result.paths.length },
      },
    };
  });
}

async function pathsBetween(
  repos: Repos & { paths: ReturnType<typeof createPathsRepository> },
  from: string,
  to: string,
  req: PathsRequest,
) {
  const search = await searchPaths(repos, from, to, req);
  const onPaths = [...new Set(search.paths.flat())];
  const pairs = new Map<string, [string, string]>();
  for (const path of search.paths)
    for (let i = 0; i + 1 < path.length; i++) {
      const pair = [path[i] ?? '', path[i + 1] ?? ''] as [string, string];
      pairs.set(pair.join(':'), pair);
    }
  const support = await repos.paths.sharedRecords([...pairs.values()], req, RECORDS_PER_EDGE);
  const links = onPaths.length > 0 ? await repos.links.touching(onPaths) : [];
  const hop = new Map<string, number>();
  for (const path of search.paths) path.forEach((id, i) => hop.set(id, i));
  const labels = await repos.paths.entityObservations(onPaths);
  return {
    from,
    to,
    ...search,
    nodes: labels
      .map((e) => ({
        id: e.id,
        entityType: e.type,
        label: entityLabel(e.type, e.obs),
        hop: hop.get(e.id) ?? 0,
      }))
      .sort((x, y) => x.hop - y.hop || (x.id < y.id ? -1 : 1)),
    edges: [...pairs.values()].map(([a, b]) => edgeOf(a, b, support, links)),
  };
}

function edgeOf(a: string, b: string, support: readonly SharedRecord[], links: readonly LinkRow[]) {
  const records = support.filter((s) => s.a === a && s.b === b);
  return {
    source: a,
    target: b,
    weight: records[0]?.total ?? 0,
    records: records.map(({ id, kind, title, occurredFrom, ownerAgencyId }) => ({
      id,
      recordKind: kind,
      label: title,
      occurredFrom,
      ownerAgencyId,
    })),
    links: links
      .filter(
        (l) =>
          (l.fromEntityId === a && l.toEntityId === b) ||
          (l.fromEntityId === b && l.toEntityId === a),
      )
      .map((l) => ({
        id: l.id,
        label: l.label,
        source: l.source,
        fromEntityId: l.fromEntityId,
        toEntityId: l.toEntityId ?? '',
      })),
  };
}
