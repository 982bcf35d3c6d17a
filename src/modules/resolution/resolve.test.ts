import { describe, expect, it } from 'vitest';
import { blockingKeys } from './blocking.ts';
import { demoObservations } from './datasets.ts';
import type { Model } from './model.ts';
import { resolveBatch, resolveOne, type ExistingObservation } from './resolve.ts';
import type { Observation } from './spec.ts';
import { train } from './training.ts';

const demo = demoObservations(5, 1500);
const model = train(demo.observations, { randomPairs: 50_000 });

/**
 * What the database layer will do: for each arriving observation, look up the observations
 * sharing a blocking key, ask resolveOne, and apply the decision (join, bridge, or new).
 */
function resolveIncrementally(m: Model, observations: readonly Observation[]): string[][] {
  const entityOf = new Map<string, string>();
  const byKey = new Map<string, Observation[]>();
  for (const obs of observations) {
    const keys = blockingKeys(obs);
    const seen = new Map<string, Observation>();
    for (const k of keys) for (const o of byKey.get(k) ?? []) seen.set(o.id, o);
    const existing: ExistingObservation[] = [...seen.values()].map((o) => ({
      entityId: entityOf.get(o.id) ?? o.id,
      observation: o,
    }));
    const decision = resolveOne(m, obs, existing);
    const entity = decision.action === 'join' ? decision.entityId : obs.id;
    if (decision.action === 'join') {
      const absorbed = new Set(decision.alsoMerge.map((l) => l.entityId));
      for (const [id, e] of entityOf) if (absorbed.has(e)) entityOf.set(id, entity);
    }
    entityOf.set(obs.id, entity);
    for (const k of keys) byKey.set(k, [...(byKey.get(k) ?? []), obs]);
  }
  const groups = new Map<string, string[]>();
  for (const [id, e] of entityOf) groups.set(e, [...(groups.get(e) ?? []), id]);
  return canonical([...groups.values()]);
}

function canonical(groups: readonly (readonly string[])[]): string[][] {
  return groups.map((g) => [...g].sort()).sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));
}

describe('resolveOne', () => {
  it('agrees with batch resolution on the same observations', () => {
    const sample = demo.observations
      .filter((o) => o.type === 'person' || o.type === 'vehicle' || o.type === 'phone')
      .slice(0, 1200);
    const batch = canonical(resolveBatch(model, sample).clusters.map((c) => c.observationIds));
    expect(batch.some((g) => g.length > 2)).toBe(true); // the sample does exercise merging
    expect(resolveIncrementally(model, sample)).toEqual(batch);
  });

  const robert = (id: string, extra: Record<string, unknown>): Observation => ({
    id,
    type: 'person',
    attributes: { givenName: 'Robert', surname: 'Whitlock', dateOfBirth: '1984-06-01', ...extra },
  });
  const dl = { identifiers: [{ scheme: 'driver_license', value: 'T05263645' }] };

  it('joins the entity whose observation carries enough evidence, citing the rule', () => {
    const existing = [{ entityId: 'E1', observation: robert('a', dl) }];
    const decision = resolveOne(model, robert('b', { ...dl, givenName: 'Bob' }), existing);
    expect(decision).toMatchObject({
      action: 'join',
      entityId: 'E1',
      link: { rule: 'name+dob+identifier' },
    });
  });

  it('proposes a possible association, not a merge, on name and DOB alone (CI-14)', () => {
    const existing = [{ entityId: 'E1', observation: robert('a', dl) }];
    const decision = resolveOne(model, robert('b', {}), existing);
    expect(decision.action).toBe('new');
    expect(decision.candidates).toMatchObject([{ entityId: 'E1', reason: 'minimum_evidence' }]);
  });

  it('starts a new entity when nothing is close', () => {
    const other: Observation = {
      id: 'c',
      type: 'person',
      attributes: { givenName: 'Maria', surname: 'Lopez', dateOfBirth: '1990-01-01' },
    };
    const decision = resolveOne(model, other, [{ entityId: 'E1', observation: robert('a', dl) }]);
    expect(decision).toEqual({ action: 'new', candidates: [] });
  });
});
