/**
 * The graph module owns link analysis: the network of entities and records (entity appears in
 * record; entities co-occur, weighted by the records they share; explicit analyst links),
 * expansion around a seed, shortest paths, communities and centrality, and export as JSON or
 * GraphML. Everything is derived per request from what the viewer may see, so a node, an
 * edge or a weight never rests on an invisible record. It owns the analyst links table; it
 * does not own entities, observations or records, which it only reads.
 */
import type { Db } from '../../db/client.ts';
import type { Viewer } from '../../access/viewer.ts';
import type { ServiceContext } from '../../shared/context.ts';
import { auditActor } from '../../shared/context.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { assemble, shownIds, type AssembledGraph, type Repos } from './assemble.ts';
import { traverse, type Seed } from './expand.ts';
import { createGraphRepository } from './graph.repository.ts';
import type {
  ExpandRequest,
  ExportFormat,
  ExportRequest,
  GraphFilter,
  StructureRequest,
} from './graph.schemas.ts';
import { toGraphml } from './graphml.ts';
import { createLinksRepository } from './links.repository.ts';
import { entitySeed, isDenied, recordSeed, type Denied } from './seeds.ts';

export function graphRepos(db: Db, viewer: Viewer): Repos {
  return {
    graph: createGraphRepository({ db, viewer }),
    links: createLinksRepository({ db, viewer }),
  };
}

export type GraphView = Omit<AssembledGraph, 'cutRecords' | 'cutEdges'> & {
  seed: Seed | null;
  truncated: boolean;
  cut: {
    entities: number;
    records: number;
    edges: number;
    atHop: number | null;
    hopsNotExpanded: number;
  };
};

function filterOf(req: GraphFilter): GraphFilter {
  const { entityTypes, recordKinds, occurredAfter, occurredBefore, minWeight } = req;
  return { entityTypes, recordKinds, occurredAfter, occurredBefore, minWeight };
}

/** Runs `read` in one transaction with its audit event; a denial is audited and thrown. */
export async function audited<T>(
  ctx: ServiceContext,
  read: (
    repos: Repos,
    db: Db,
  ) => Promise<Denied | { result: T; audit: Parameters<typeof appendAudit>[2][number] }>,
): Promise<T> {
  const outcome = await ctx.db.transaction(async (tx) => {
    const repos = graphRepos(tx, ctx.viewer);
    await repos.graph.withoutJit();
    const done = await read(repos, tx);
    await appendAudit(tx, auditActor(ctx), [done.audit]);
    return done;
  });
  if (isDenied(outcome)) throw outcome.denied;
  return outcome.result;
}

async function expandIn(
  ctx: ServiceContext,
  repos: Repos,
  db: Db,
  req: ExpandRequest,
  action: string,
): Promise<Denied | GraphView> {
  const seed = req.entityId
    ? await entitySeed(repos, action, req.entityId)
    : await recordSeed(db, ctx.viewer, repos, action, req.recordId ?? '');
  if (isDenied(seed)) return seed;
  const filter = filterOf(req);
  const t = await traverse(repos, seed, { ...filter, hops: req.hops, maxNodes: req.maxNodes });
  const { cutRecords, cutEdges, ...graph } = await assemble(repos, {
    hopOf: t.hopOf,
    seedEntity: seed.kind === 'entity' ? seed.id : null,
    seedRecord: seed.kind === 'record' ? seed.id : null,
    namedRecords: null,
    includeRecords: req.includeRecords,
    maxNodes: req.maxNodes,
    structure: req.structure,
    filter,
  });
  const cut = {
    entities: t.cut,
    records: cutRecords,
    edges: cutEdges,
    atHop: t.atHop,
    hopsNotExpanded: t.hopsNotExpanded,
  };
  const truncated = cut.entities + cut.records + cut.edges > 0;
  return { seed, ...graph, truncated, cut };
}

function auditOf(action: string, graph: GraphView, details: Record<string, unknown>) {
  return {
    action,
    objectType: 'graph',
    objectIds: shownIds(graph),
    details: {
      ...details,
      nodes: graph.nodes.length,
      edges: graph.edges.length,
      truncated: graph.truncated,
    },
  };
}

/** The neighbourhood of an entity or a record, N hops out, under a node cap. */
export function expandGraph(ctx: ServiceContext, req: ExpandRequest): Promise<GraphView> {
  return audited(ctx, async (repos, db) => {
    const graph = await expandIn(ctx, repos, db, req, 'graph.expand');
    return isDenied(graph)
      ? graph
      : { result: graph, audit: auditOf('graph.expand', graph, { request: req }) };
  });
}

export type GraphExport = {
  format: ExportFormat;
  contentType: string;
  filename: string;
  body: string;
};

/** An expansion as a document to take away (JSON or GraphML); audited as an export. */
export function exportGraph(ctx: ServiceContext, req: ExportRequest): Promise<GraphExport> {
  const { format, ...expand } = req;
  return audited(ctx, async (repos, db) => {
    const graph = await expandIn(ctx, repos, db, expand, 'graph.export');
    if (isDenied(graph)) return graph;
    const name = `watchfloor-graph-${graph.seed?.id ?? 'export'}`;
    const result =
      format === 'graphml'
        ? {
            format,
            contentType: 'application/graphml+xml; charset=utf-8',
            filename: `${name}.graphml`,
            body: toGraphml(graph),
          }
        : {
            format,
            contentType: 'application/json; charset=utf-8',
            filename: `${name}.json`,
            body: JSON.stringify(graph),
          };
    return { result, audit: auditOf('graph.export', graph, { request: expand, format }) };
  });
}

/** The graph between caller-named entities and records, with communities and centrality. */
export function graphStructure(ctx: ServiceContext, req: StructureRequest): Promise<GraphView> {
  return audited(ctx, async (repos) => {
    const entities = await repos.graph.visibleEntities(req.nodeIds);
    const records = await repos.graph.visibleRecordIds(req.nodeIds);
    const hopOf = new Map<string, number | null>(entities.map((e) => [e.current, null]));
    const { cutRecords, cutEdges, ...graph } = await assemble(repos, {
      hopOf,
      seedEntity: null,
      seedRecord: null,
      namedRecords: records,
      includeRecords: true,
      maxNodes: req.nodeIds.length,
      structure: true,
      filter: filterOf(req),
    });
    const cut = {
      entities: 0,
      records: cutRecords,
      edges: cutEdges,
      atHop: null,
      hopsNotExpanded: 0,
    };
    const view: GraphView = { seed: null, ...graph, truncated: cutEdges > 0, cut };
    return { result: view, audit: auditOf('graph.structure', view, { request: req }) };
  });
}
