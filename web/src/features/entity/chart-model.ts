/**
 * From the API's answers to what the link chart draws: the nodes of every expansion (and of a
 * path found), the edges between them (the structure answer has them all, the expansions and
 * the path fill in while it loads), and each node's community colour.
 */
import type { ElementDefinition } from 'cytoscape';
import type { Graph, GraphEdge, GraphNode, GraphPaths } from './graph-api.ts';

export type ChartNode = GraphNode & { community?: number };
export type ChartGraph = { nodes: ChartNode[]; edges: GraphEdge[] };

/** Tableau 10: distinguishable, and readable under black labels. */
const COMMUNITY_COLOURS = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
];
const NO_COMMUNITY = '#adb5bd';

export const communityColour = (community: number | undefined) =>
  community === undefined
    ? NO_COMMUNITY
    : (COMMUNITY_COLOURS[community % COMMUNITY_COLOURS.length] ?? NO_COMMUNITY);

/** One key per pair of entities, whichever way round an answer gives them. */
const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
const edgeKey = (e: GraphEdge) =>
  e.kind === 'co_occurs' ? `co:${pairKey(e.source, e.target)}` : e.id;

/**
 * A path's steps as co-occurrence edges, shown until the structure answer (which has every
 * edge between the chart's nodes, analyst links included) arrives.
 */
function pathEdges(paths: GraphPaths): GraphEdge[] {
  return paths.edges
    .filter((e) => e.weight > 0)
    .map((e) => ({
      id: `co:${e.source}:${e.target}`,
      kind: 'co_occurs' as const,
      source: e.source,
      target: e.target,
      weight: e.weight,
      recordIds: e.records.map((r) => r.id),
    }));
}

export function chartGraph(
  expansions: readonly Graph[],
  structure: Graph | undefined,
  paths: GraphPaths | undefined,
): ChartGraph {
  const nodes = new Map<string, ChartNode>();
  for (const g of expansions) for (const n of g.nodes) if (!nodes.has(n.id)) nodes.set(n.id, n);
  for (const n of paths?.nodes ?? [])
    if (!nodes.has(n.id)) nodes.set(n.id, { ...n, kind: 'entity', hop: null });
  const community = new Map(structure?.nodes.map((n) => [n.id, n.community]));
  const edges = new Map<string, GraphEdge>();
  const all = [
    ...(structure?.edges ?? []),
    ...expansions.flatMap((g) => g.edges),
    ...(paths ? pathEdges(paths) : []),
  ];
  for (const e of all) {
    const key = edgeKey(e);
    if (!edges.has(key) && nodes.has(e.source) && nodes.has(e.target)) edges.set(key, e);
  }
  return {
    nodes: [...nodes.values()].map((n) => ({ ...n, community: community.get(n.id) })),
    edges: [...edges.values()],
  };
}

/** The nodes and steps of the paths found, to highlight them. */
export function pathHighlight(paths: GraphPaths | undefined) {
  const nodes = new Set(paths?.paths.flat() ?? []);
  const steps = new Set(
    (paths?.paths ?? []).flatMap((p) => p.slice(1).map((id, i) => pairKey(p[i]!, id))),
  );
  return { nodes, steps };
}

const short = (label: string) => (label.length > 30 ? `${label.slice(0, 29)}…` : label);

export function toElements(
  graph: ChartGraph,
  seedId: string,
  highlight: ReturnType<typeof pathHighlight>,
): ElementDefinition[] {
  const nodes: ElementDefinition[] = graph.nodes.map((n) => ({
    group: 'nodes',
    data: {
      id: n.id,
      kind: n.kind,
      label: short(n.label),
      colour: communityColour(n.community),
    },
    classes: [n.id === seedId ? 'seed' : '', highlight.nodes.has(n.id) ? 'on-path' : '']
      .filter(Boolean)
      .join(' '),
  }));
  const edges: ElementDefinition[] = graph.edges.map((e) => ({
    group: 'edges',
    data: {
      id: edgeKey(e),
      source: e.source,
      target: e.target,
      kind: e.kind,
      weight: e.kind === 'co_occurs' ? e.weight : 1,
      label: e.kind === 'link' ? e.link.label : '',
    },
    classes:
      highlight.steps.has(pairKey(e.source, e.target)) && e.kind !== 'appears_in' ? 'on-path' : '',
  }));
  return [...nodes, ...edges];
}
