/**
 * The evidence behind an analyst's merge: the strongest pair of observations across the two
 * entities, scored with the stored model, and whether it meets the CI-14 minimum. An analyst
 * decides that two entities are one, but identity is still not established by weak evidence:
 * the merge stands on one pair that meets a rule, and when none does, the refusal names what
 * is missing for the closest rule.
 */
import { shareBlockingKey } from './blocking.ts';
import { compareLinks, type Link } from './clustering.ts';
import {
  DEFAULT_MINIMUM_EVIDENCE,
  missingEvidence,
  satisfiedRule,
  type MinimumEvidence,
} from './minimum-evidence.ts';
import { scorePrepared, typeModelOf, type Model } from './model.ts';
import type { Observation } from './spec.ts';
import { prepare } from './specs.ts';

/** Above this many cross pairs only pairs sharing a blocking key are scored. */
const MAX_EXHAUSTIVE_PAIRS = 250_000;

export type PairEvidence = {
  /** The strongest pair meeting a rule, or the strongest pair when none does. */
  link: Link;
  /** The CI-14 rule met, or undefined: the merge must be refused. */
  rule: string | undefined;
  /** For each rule, what the pair lacks (closest rule first); empty when a rule is met. */
  missing: { rule: string; missing: string[] }[];
};

export function strongestEvidence(
  model: Model,
  xs: readonly Observation[],
  ys: readonly Observation[],
  minimum: MinimumEvidence = DEFAULT_MINIMUM_EVIDENCE,
): PairEvidence | undefined {
  const links = scoreAcross(model, xs, ys);
  let best: Link | undefined;
  let bestWithRule: (Link & { rule: string }) | undefined;
  for (const link of links) {
    if (!best || compareLinks(link, best) < 0) best = link;
    const rule = satisfiedRule(link.type, link.score.evidence, minimum);
    if (rule !== undefined && (!bestWithRule || compareLinks(link, bestWithRule) < 0)) {
      bestWithRule = { ...link, rule };
    }
  }
  if (bestWithRule) return { link: bestWithRule, rule: bestWithRule.rule, missing: [] };
  if (!best) return undefined;
  return {
    link: best,
    rule: undefined,
    missing: missingEvidence(best.type, best.score.evidence, minimum),
  };
}

/** Every pair of same-typed observations across the two sides (canonical order, lower id a). */
function scoreAcross(model: Model, xs: readonly Observation[], ys: readonly Observation[]) {
  const left = xs.map(prepare);
  const right = ys.map(prepare);
  const exhaustive = left.length * right.length <= MAX_EXHAUSTIVE_PAIRS;
  const links: Link[] = [];
  for (const x of left) {
    const tm = typeModelOf(model, x.type);
    for (const y of right) {
      if (x.type !== y.type || x.id === y.id) continue;
      if (!exhaustive && !shareBlockingKey(x, y)) continue;
      const [a, b] = x.id <= y.id ? [x.id, y.id] : [y.id, x.id];
      links.push({ a, b, type: x.type, score: scorePrepared(tm, x, y) });
    }
  }
  return links;
}
