/**
 * A node's display label, built from the observations the viewer may see: the entity profile
 * (entities.service mergeProfile) of those observations, taking for each attribute the value
 * the most of them state. Nothing of an invisible observation can reach the label.
 */
import { mergeProfile } from '../entities/entities.service.ts';
import type { VisibleObservation } from '../entities/entities.repository.ts';
import type { ObservationType } from '../entities/observation-types.ts';

type Profile = ReturnType<typeof mergeProfile>;

/** The value most observations state (the first stated on a tie), or undefined. */
function mostStated(profile: Profile, key: string): unknown {
  let best: { value: unknown; n: number } | undefined;
  for (const v of profile[key] ?? []) {
    if (!best || v.sources.length > best.n) best = { value: v.value, n: v.sources.length };
  }
  return best?.value;
}

const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;

const join = (parts: readonly unknown[], sep = ' ') =>
  parts
    .map(str)
    .filter((s) => s !== undefined)
    .join(sep);

function first(v: unknown): unknown {
  return Array.isArray(v) ? v[0] : v;
}

function identifierText(v: unknown): string | undefined {
  const id = first(v);
  if (typeof id !== 'object' || id === null) return undefined;
  const { scheme, value } = id as { scheme?: unknown; value?: unknown };
  return join([scheme, value], ' ') || undefined;
}

function addressText(v: unknown): string | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const a = v as Record<string, unknown>;
  return join([a['street'], a['city'], a['state']], ', ') || undefined;
}

const byType: Record<ObservationType, (p: Profile) => string | undefined> = {
  person: (p) => {
    const name = join(['givenName', 'surname', 'nameSuffix'].map((k) => mostStated(p, k)));
    const dob = str(mostStated(p, 'dateOfBirth'));
    const shown =
      name || str(first(mostStated(p, 'aliases'))) || identifierText(mostStated(p, 'identifiers'));
    return shown && dob ? `${shown} (${dob})` : shown;
  },
  organization: (p) => str(mostStated(p, 'name')),
  vehicle: (p) => {
    const plate = join([mostStated(p, 'plateState'), mostStated(p, 'plate')]);
    const model = join([mostStated(p, 'color'), mostStated(p, 'make'), mostStated(p, 'model')]);
    return join([plate || str(mostStated(p, 'vin')), model], ' · ') || undefined;
  },
  phone: (p) => str(mostStated(p, 'number')),
  email: (p) => str(mostStated(p, 'address')),
  location: (p) => {
    const lat = mostStated(p, 'lat');
    const lon = mostStated(p, 'lon');
    const point = typeof lat === 'number' && typeof lon === 'number' ? `${lat}, ${lon}` : undefined;
    return str(mostStated(p, 'name')) ?? addressText(mostStated(p, 'address')) ?? point;
  },
  weapon: (p) =>
    join([mostStated(p, 'kind'), mostStated(p, 'make'), mostStated(p, 'model')]) || undefined,
  online_account: (p) =>
    join([mostStated(p, 'service'), mostStated(p, 'handle')], ': ') || undefined,
  identifier: (p) => join([mostStated(p, 'scheme'), mostStated(p, 'value')]) || undefined,
};

export function entityLabel(type: ObservationType, obs: readonly VisibleObservation[]): string {
  return byType[type](mergeProfile(obs)) ?? `${type.replace('_', ' ')} (no name)`;
}
