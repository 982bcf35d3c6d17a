/**
 * From a set of entities (reached by a traversal, or named by the caller) to a returned graph:
 * which records become nodes, every edge between the nodes, labels from visible observations,
 * and optionally the graph's structure.
 */
import type {
  EntityObservations,
  GraphRepository,
  Incidence,
  RecordNodeRow,
} from './graph.repository.ts';
import type { GraphFilter } from './graph.schemas.ts';
import type { LinksRepository } from './links.repository.ts';
import { entityLabel } from './entity-label.ts';
import { analyzeStructure, toGraph } from './structure.ts';
import {
  chooseRecords,
  coOccurrences,
  edgesBetween,
  type GraphEdge,
  type GraphNode,
} from './subgraph.ts';

export type Repos = { graph: GraphRepository; links: LinksRepository };

export type AssembleInput = {
  /** Entities to show, with their hop from the seed (null when named by the caller). */
  hopOf: ReadonlyMap<string, number | null>;
  seedEntity: string | null;
  seedRecord: string | null;
  /** Records named by the caller: exactly these become record nodes. */
  namedRecords: readonly string[] | null;
  includeRecords: boolean;
  maxNodes: number;
  structure: boolean;
  filter: GraphFilter;
};

export type AssembledGraph = {
  nodes: GraphNode[];
  edges: GraphEdge[];
  cutRecords: number;
  cutEdges: number;
  structure: { communities: number; modularity: number; betweenness: boolean } | null;
};

export async function assemble(repos: Repos, input: AssembleInput): Promise<AssembledGraph> {
  const entityIds = [...input.hopOf.keys()];
  const links = await repos.links.touching(entityIds, input.seedRecord ? [input.seedRecord] : []);
  const linkedRecords = links
    .filter((l) => l.toRecordId !== null && input.hopOf.has(l.fromEntityId))
    .map((l) => l.toRecordId ?? '');
  const keep = [
    ...(input.seedRecord ? [input.seedRecord] : []),
    ...linkedRecords,
    ...(input.namedRecords ?? []),
  ];
  const { incidence, labels } = await repos.graph.neighbourhood(
    entityIds,
    input.filter,
    keep,
    input.seedEntity,
  );
  const co = coOccurrences(incidence, input.filter.minWeight);
  const chosen = input.namedRecords
    ? { ids: [...input.namedRecords], cut: 0 }
    : input.includeRecords
      ? chooseRecords(incidence, co, {
          seedRecord: input.seedRecord,
          seedEntity: input.seedEntity,
          linkedRecords,
          room: input.maxNodes - entityIds.length,
        })
      : { ids: input.seedRecord ? [input.seedRecord] : [], cut: 0 };
  const { edges, cut } = edgesBetween(
    new Set(entityIds),
    new Set(chosen.ids),
    incidence,
    co,
    links,
  );
  const nodes = [
    ...entityNodes(labels, input.hopOf),
    ...(await recordNodes(repos, chosen.ids, incidence)),
  ];
  const structure = input.structure ? withStructure(nodes, edges) : null;
  return { nodes, edges, cutRecords: chosen.cut, cutEdges: cut, structure };
}

/** Only entities with a visible observation have labels, so only they become nodes. */
function entityNodes(
  labels: readonly EntityObservations[],
  hopOf: ReadonlyMap<string, number | null>,
): GraphNode[] {
  return labels
    .map((e) => ({
      id: e.id,
      kind: 'entity' as const,
      entityType: e.type,
      label: entityLabel(e.type, e.obs),
      hop: hopOf.get(e.id) ?? null,
    }))
    .sort((x, y) => (x.hop ?? 0) - (y.hop ?? 0) || (x.id < y.id ? -1 : 1));
}

/** Record nodes in the chosen order; details from the incidence rows, else read (linked ones). */
async function recordNodes(
  repos: Repos,
  ids: readonly string[],
  incidence: readonly Incidence[],
): Promise<GraphNode[]> {
  const known = new Map<string, RecordNodeRow>();
  for (const row of incidence)
    known.set(row.recordId, {
      id: row.recordId,
      kind: row.kind,
      title: row.title,
      occurredFrom: row.occurredFrom,
      ownerAgencyId: row.ownerAgencyId,
    });
  const missing = ids.filter((id) => !known.has(id));
  for (const row of await repos.graph.recordNodes(missing)) known.set(row.id, row);
  return ids.flatMap((id) => {
    const row = known.get(id);
    return row
      ? [
          {
            id,
            kind: 'record' as const,
            recordKind: row.kind,
            label: row.title,
            occurredFrom: row.occurredFrom,
            ownerAgencyId: row.ownerAgencyId,
          },
        ]
      : [];
  });
}

/** Adds community and centrality to each node; returns the summary. */
function withStructure(nodes: GraphNode[], edges: readonly GraphEdge[]) {
  const graph = toGraph(
    nodes.map((n) => n.id),
    edges.map((e) => ({
      source: e.source,
      target: e.target,
      weight: e.kind === 'co_occurs' ? e.weight : 1,
    })),
  );
  const s = analyzeStructure(graph);
  for (const n of nodes) Object.assign(n, s.byNode.get(n.id));
  return { communities: s.communities, modularity: s.modularity, betweenness: s.betweenness };
}

/** Every protected id a returned graph shows: its nodes and the records its edges cite. */
export function shownIds(graph: { nodes: readonly GraphNode[]; edges: readonly GraphEdge[] }) {
  const ids = new Set(graph.nodes.map((n) => n.id));
  for (const e of graph.edges) if (e.kind === 'co_occurs') e.recordIds.forEach((id) => ids.add(id));
  return [...ids];
}
