/**
 * Shortest paths between two entities in the entity network (co-occurrence in visible records
 * and visible analyst links), up to a hop limit. Bidirectional breadth-first search in SQL,
 * one query per hop from the smaller side, until the two explored balls meet; the edges seen
 * form a graph that holds every shortest path, and graphology's Brandes pass gives each
 * node's shortest-path predecessors, from which the paths are read back.
 */
import { UndirectedGraph } from 'graphology';
import { brandes } from 'graphology-shortest-path/unweighted.js';
import type { GraphFilter } from './graph.schemas.ts';
import type { GraphRepository } from './graph.repository.ts';
import { linkedEntities } from './expand.ts';
import type { LinksRepository } from './links.repository.ts';

/** Explored entities per side before the search gives up (and says so). */
export const MAX_EXPLORED = 20_000;
/** Neighbour pairs read in one hop before the search gives up. */
const MAX_PAIRS_PER_HOP = 200_000;

export type PathSearch = {
  /** Hops of the shortest paths, or null when none was found within the limit. */
  length: number | null;
  paths: string[][];
  /** More shortest paths exist than were returned. */
  morePaths: boolean;
  /** The search stopped at its exploration bound before the hop limit. */
  searchLimited: boolean;
};

type Side = { dist: Map<string, number>; frontier: string[] };
type Repos = { graph: GraphRepository; links: LinksRepository };

export async function searchPaths(
  repos: Repos,
  from: string,
  to: string,
  opts: GraphFilter & { maxHops: number; maxPaths: number },
): Promise<PathSearch> {
  if (from === to) return { length: 0, paths: [[from]], morePaths: false, searchLimited: false };
  const a: Side = { dist: new Map([[from, 0]]), frontier: [from] };
  const b: Side = { dist: new Map([[to, 0]]), frontier: [to] };
  const graph = new UndirectedGraph({ allowSelfLoops: false });
  graph.addNode(from);
  graph.addNode(to);
  let searchLimited = false;
  for (let hops = 0; hops < opts.maxHops && !meets(a, b); hops++) {
    const side = pickSide(a, b);
    if (!side) break;
    const grown = await grow(repos, side, graph, opts, [from, to]);
    if (!grown || side.dist.size > MAX_EXPLORED) {
      searchLimited = true;
      break;
    }
  }
  if (!meets(a, b)) return { length: null, paths: [], morePaths: false, searchLimited };
  return { ...readPaths(graph, from, to, opts.maxPaths), searchLimited };
}

function meets(a: Side, b: Side): boolean {
  const [small, large] = a.dist.size <= b.dist.size ? [a, b] : [b, a];
  for (const id of small.dist.keys()) if (large.dist.has(id)) return true;
  return false;
}

function pickSide(a: Side, b: Side): Side | undefined {
  if (a.frontier.length === 0 || b.frontier.length === 0) return undefined;
  return a.frontier.length <= b.frontier.length ? a : b;
}

/** One hop outward from a side's frontier; false when the hop was too large to read. */
async function grow(
  repos: Repos,
  side: Side,
  graph: UndirectedGraph,
  f: GraphFilter,
  ends: readonly string[],
): Promise<boolean> {
  const seen = [...side.dist.keys()];
  const here = new Set(side.frontier);
  const links = await repos.links.touching(side.frontier);
  const linked = linkedEntities(links, here, new Set(seen), f, ends);
  const pairs = await repos.graph.neighbourPairs(side.frontier, seen, f, ends, MAX_PAIRS_PER_HOP);
  if (pairs.length > MAX_PAIRS_PER_HOP) return false;
  const edges: [string, string][] = pairs.map((p) => [p.src, p.dst]);
  for (const l of links) {
    const other = l.toEntityId ?? '';
    if (here.has(l.fromEntityId) && linked.includes(other)) edges.push([l.fromEntityId, other]);
    if (l.toEntityId !== null && here.has(l.toEntityId) && linked.includes(l.fromEntityId))
      edges.push([l.toEntityId, l.fromEntityId]);
  }
  const depth = (side.dist.get(side.frontier[0] ?? '') ?? 0) + 1;
  const next = new Set<string>();
  for (const [src, dst] of edges) {
    if (!graph.hasNode(dst)) graph.addNode(dst);
    if (!graph.hasEdge(src, dst)) graph.addEdge(src, dst);
    if (!side.dist.has(dst)) next.add(dst);
  }
  for (const id of next) side.dist.set(id, depth);
  side.frontier = [...next].sort();
  return true;
}

/** Every shortest path from `from` to `to` (up to `max`), in a stable order. */
function readPaths(graph: UndirectedGraph, from: string, to: string, max: number) {
  const [, predecessors] = brandes(graph, from);
  const paths: string[][] = [];
  let morePaths = false;
  const walk = (node: string, suffix: string[]) => {
    if (paths.length >= max) {
      morePaths = true;
      return;
    }
    if (node === from) {
      paths.push([from, ...suffix]);
      return;
    }
    for (const p of [...(predecessors[node] ?? [])].sort()) walk(p, [node, ...suffix]);
  };
  walk(to, []);
  const first = paths[0];
  return { length: first ? first.length - 1 : null, paths, morePaths };
}
