/**
 * Structure of a returned graph with graphology: Louvain communities (on edge weights) and
 * degree and betweenness centrality (on hops). Louvain draws random numbers, so it runs on a
 * fixed-seed generator over nodes and edges added in id order: the same graph always gets the
 * same communities, numbered the same way, which keeps tests and the UI's colours stable.
 */
import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import { degreeCentrality } from 'graphology-metrics/centrality/degree.js';
import { mulberry32 } from '../../shared/seeded-random.ts';

/**
 * These CommonJS packages declare `export default` in their types, but under Node's ESM the
 * default import is module.exports itself: take whichever the runtime gave.
 */
function cjsDefault<T>(mod: { default: T }): T {
  return (mod as { default?: T }).default ?? (mod as unknown as T);
}
const louvain = cjsDefault(louvainModule);
const betweennessCentrality = cjsDefault(betweennessModule);

export type NodeStructure = { community: number; degree: number; betweenness?: number };
export type Structure = {
  byNode: Map<string, NodeStructure>;
  communities: number;
  modularity: number;
  /** False when the graph was too large for exact betweenness in a request. */
  betweenness: boolean;
};

const LOUVAIN_SEED = 0x5eed;
/**
 * Exact betweenness (Brandes) costs nodes × edges and holds the event loop: about 0.2 s at
 * 1,000 nodes but 1–2 s at 2,000 on one core. Above this it is left out (and said so); ask
 * /graph/structure for the part of the graph that matters.
 */
export const MAX_BETWEENNESS_NODES = 1000;

/** Undirected, one edge per node pair (parallel edges' weights add up). */
export function toGraph(
  nodeIds: readonly string[],
  edges: readonly { source: string; target: string; weight?: number }[],
): UndirectedGraph {
  const graph = new UndirectedGraph({ allowSelfLoops: false });
  for (const id of [...nodeIds].sort()) graph.addNode(id);
  const sorted = [...edges].sort((x, y) =>
    x.source === y.source ? cmp(x.target, y.target) : cmp(x.source, y.source),
  );
  for (const e of sorted) {
    if (e.source === e.target || !graph.hasNode(e.source) || !graph.hasNode(e.target)) continue;
    const weight = e.weight ?? 1;
    const existing = graph.edge(e.source, e.target);
    if (existing === undefined) graph.addEdge(e.source, e.target, { weight });
    else
      graph.updateEdgeAttribute(existing, 'weight', (w: number | undefined) => (w ?? 0) + weight);
  }
  return graph;
}

const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
// A one-node graph divides by zero (n - 1) in the normalisation.
const finite = (x: number | undefined) => (x !== undefined && Number.isFinite(x) ? x : 0);

export function analyzeStructure(graph: UndirectedGraph): Structure {
  const byNode = new Map<string, NodeStructure>();
  const withBetweenness = graph.order <= MAX_BETWEENNESS_NODES;
  if (graph.order === 0) return { byNode, communities: 0, modularity: 0, betweenness: true };
  const detailed = louvain.detailed(graph, {
    getEdgeWeight: 'weight',
    rng: mulberry32(LOUVAIN_SEED),
  });
  const degree = degreeCentrality(graph);
  const betweenness = withBetweenness
    ? betweennessCentrality(graph, { getEdgeWeight: null, normalized: true })
    : undefined;
  // Number communities by first appearance in id order, not by Louvain's internal order.
  const renumber = new Map<number, number>();
  graph.forEachNode((id) => {
    const raw = detailed.communities[id] ?? 0;
    if (!renumber.has(raw)) renumber.set(raw, renumber.size);
    byNode.set(id, {
      community: renumber.get(raw) ?? 0,
      degree: finite(degree[id]),
      ...(betweenness ? { betweenness: finite(betweenness[id]) } : {}),
    });
  });
  return {
    byNode,
    communities: renumber.size,
    modularity: detailed.modularity,
    betweenness: withBetweenness,
  };
}
