import { keepPreviousData, useMutation, useQueries, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { components } from '../../api/schema';
import type { ObservationType, RecordKind } from '../../lib/record-labels.ts';

export type Graph = components['schemas']['Graph'];
export type GraphNode = components['schemas']['GraphNode'];
export type GraphEdge = components['schemas']['GraphEdge'];
export type GraphPaths = components['schemas']['GraphPaths'];

/** What the chart shows: the same filters go to every expansion, the structure and paths. */
export type ChartFilters = {
  hops: 1 | 2 | 3;
  entityTypes: ObservationType[];
  recordKinds: RecordKind[];
  minWeight: number;
  includeRecords: boolean;
};

export const DEFAULT_FILTERS: ChartFilters = {
  hops: 2,
  entityTypes: [],
  recordKinds: [],
  minWeight: 1,
  includeRecords: true,
};

/** Node caps: the first view from the entity, and each node an analyst expands later. */
const SEED_MAX_NODES = 200;
const EXPAND_MAX_NODES = 80;

/** A node the analyst expanded: an entity or a record (its entities). */
export type Expansion = { id: string; kind: 'entity' | 'record' };

/** An empty list means "all": the API wants the field left out then. */
function filterBody(f: ChartFilters) {
  return {
    ...(f.entityTypes.length ? { entityTypes: f.entityTypes } : {}),
    ...(f.recordKinds.length ? { recordKinds: f.recordKinds } : {}),
    minWeight: f.minWeight,
  };
}

/** Each expansion's neighbourhood under the current filters: the seed's first, at its hops. */
export function useExpansions(seedId: string, expansions: Expansion[], filters: ChartFilters) {
  return useQueries({
    queries: expansions.map((x) => {
      const isSeed = x.id === seedId;
      const body = {
        ...(x.kind === 'entity' ? { entityId: x.id } : { recordId: x.id }),
        hops: isSeed ? filters.hops : 1,
        maxNodes: isSeed ? SEED_MAX_NODES : EXPAND_MAX_NODES,
        includeRecords: filters.includeRecords,
        ...filterBody(filters),
      };
      return {
        queryKey: ['entity', seedId, 'graph', 'expand', body],
        queryFn: () => unwrap(api.POST('/api/v1/graph/expand', { body })),
      };
    }),
  });
}

/**
 * The graph between every node on the chart, with its communities (Louvain): this is what the
 * chart draws, since it also has the edges between nodes that separate expansions brought in.
 */
export function useStructure(seedId: string, nodeIds: readonly string[], filters: ChartFilters) {
  const sorted = [...nodeIds].sort();
  const body = { nodeIds: sorted, ...filterBody(filters) };
  return useQuery({
    queryKey: ['entity', seedId, 'graph', 'structure', body],
    enabled: sorted.length > 0,
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.POST('/api/v1/graph/structure', { body })),
  });
}

/** Shortest paths between two entities (up to four hops), with the records along each step. */
export function usePaths(filters: ChartFilters) {
  return useMutation({
    mutationFn: ({ from, to }: { from: string; to: string }) =>
      unwrap(
        api.POST('/api/v1/graph/paths', {
          body: { from, to, maxHops: 4, maxPaths: 5, ...filterBody(filters) },
        }),
      ),
  });
}

/** The GraphML file of the seed's expansion under the filters (a plain download link). */
export function graphmlUrl(seedId: string, filters: ChartFilters): string {
  const q = new URLSearchParams({
    entityId: seedId,
    format: 'graphml',
    hops: String(filters.hops),
    maxNodes: String(SEED_MAX_NODES),
    includeRecords: String(filters.includeRecords),
    minWeight: String(filters.minWeight),
  });
  if (filters.entityTypes.length) q.set('entityTypes', filters.entityTypes.join(','));
  if (filters.recordKinds.length) q.set('recordKinds', filters.recordKinds.join(','));
  return `/api/v1/graph/export?${q.toString()}`;
}
