/**
 * Pairwise quality against a ground truth, the measure the FEBRL literature and Splink report:
 * every unordered pair of observations is a match or not; a predicted match is a pair in the
 * same cluster. Counted from the contingency of (cluster, true entity), never by listing pairs,
 * so it is exact and cheap even for large clusters.
 */
export type PairwiseMetrics = {
  truePairs: number;
  predictedPairs: number;
  truePositives: number;
  precision: number;
  recall: number;
  f1: number;
};

const pairs = (n: number) => (n * (n - 1)) / 2;

/** `truth`: observation id → true entity key; `clusters`: predicted groups of ids. */
export function pairwiseMetrics(
  truth: ReadonlyMap<string, string>,
  clusters: readonly (readonly string[])[],
): PairwiseMetrics {
  const entitySizes = new Map<string, number>();
  for (const key of truth.values()) entitySizes.set(key, (entitySizes.get(key) ?? 0) + 1);
  let truePairs = 0;
  for (const n of entitySizes.values()) truePairs += pairs(n);
  let predictedPairs = 0;
  let truePositives = 0;
  for (const ids of clusters) {
    predictedPairs += pairs(ids.length);
    const overlap = new Map<string, number>();
    for (const id of ids) {
      const key = truth.get(id);
      if (key !== undefined) overlap.set(key, (overlap.get(key) ?? 0) + 1);
    }
    for (const n of overlap.values()) truePositives += pairs(n);
  }
  const precision = predictedPairs === 0 ? 1 : truePositives / predictedPairs;
  const recall = truePairs === 0 ? 1 : truePositives / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePairs, predictedPairs, truePositives, precision, recall, f1 };
}

/** Groups ids linked by any of `links` (and the given clusters): transitive closure. */
export function closeOver(
  clusters: readonly (readonly string[])[],
  links: readonly { a: string; b: string }[],
): string[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while ((parent.get(r) ?? r) !== r) r = parent.get(r) ?? r;
    parent.set(x, r);
    return r;
  };
  const join = (x: string, y: string) => {
    const [rx, ry] = [find(x), find(y)];
    if (rx !== ry) parent.set(rx, ry);
  };
  for (const ids of clusters) for (const id of ids) join(ids[0] ?? id, id);
  for (const l of links) join(l.a, l.b);
  const groups = new Map<string, string[]>();
  for (const id of parent.keys()) {
    const root = find(id);
    const group = groups.get(root);
    if (group) group.push(id);
    else groups.set(root, [id]);
  }
  return [...groups.values()];
}
