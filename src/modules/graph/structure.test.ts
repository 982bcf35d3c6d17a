import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../shared/seeded-random.ts';
import { analyzeStructure, MAX_BETWEENNESS_NODES, toGraph } from './structure.ts';

/** Two five-cliques, a1…a5 and b1…b5, joined by one bridge a1–b1. */
function barbell() {
  const clique = (p: string) =>
    [1, 2, 3, 4, 5].flatMap((i) =>
      [1, 2, 3, 4, 5].filter((j) => j > i).map((j) => ({ source: `${p}${i}`, target: `${p}${j}` })),
    );
  const nodes = ['a', 'b'].flatMap((p) => [1, 2, 3, 4, 5].map((i) => `${p}${i}`));
  return { nodes, edges: [...clique('a'), ...clique('b'), { source: 'a1', target: 'b1' }] };
}

function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const rnd = mulberry32(seed);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('graph structure', () => {
  it('finds the two cliques as communities and the bridge ends as the most between', () => {
    const { nodes, edges } = barbell();
    const s = analyzeStructure(toGraph(nodes, edges));
    expect(s.communities).toBe(2);
    const community = (id: string) => s.byNode.get(id)?.community;
    expect(new Set(['a1', 'a2', 'a3', 'a4', 'a5'].map(community)).size).toBe(1);
    expect(community('a1')).not.toBe(community('b1'));
    const between = [...s.byNode].sort((x, y) => (y[1].betweenness ?? 0) - (x[1].betweenness ?? 0));
    expect(
      between
        .slice(0, 2)
        .map(([id]) => id)
        .sort(),
    ).toEqual(['a1', 'b1']);
    expect(s.byNode.get('a1')?.degree).toBeCloseTo(5 / 9);
  });

  it('is the same whatever order the nodes and edges come in', () => {
    const { nodes, edges } = barbell();
    const first = analyzeStructure(toGraph(nodes, edges));
    for (const seed of [1, 2, 3]) {
      const again = analyzeStructure(toGraph(shuffled(nodes, seed), shuffled(edges, seed + 10)));
      expect([...again.byNode].sort()).toEqual([...first.byNode].sort());
    }
  });

  it('parallel edges add their weights; a lone node has zero centrality, not NaN', () => {
    const graph = toGraph(
      ['x', 'y', 'z'],
      [
        { source: 'x', target: 'y', weight: 2 },
        { source: 'y', target: 'x', weight: 3 },
      ],
    );
    expect(graph.getEdgeAttribute(graph.edge('x', 'y')!, 'weight')).toBe(5);
    const one = analyzeStructure(toGraph(['solo'], []));
    expect(one.byNode.get('solo')).toEqual({ community: 0, degree: 0, betweenness: 0 });
  });

  it('leaves betweenness out above the node limit, and says so', () => {
    const nodes = Array.from({ length: MAX_BETWEENNESS_NODES + 1 }, (_, i) => `n${i}`);
    const edges = nodes.slice(1).map((id, i) => ({ source: nodes[i]!, target: id }));
    const s = analyzeStructure(toGraph(nodes, edges));
    expect(s.betweenness).toBe(false);
    expect(s.byNode.get('n0')).not.toHaveProperty('betweenness');
    expect(s.byNode.get('n0')).toHaveProperty('community');
  });
});
