/** Every observation type's resolution spec, by type. */
import type { ObservationType } from '../entities/observation-types.ts';
import {
  EMAIL_SPEC,
  IDENTIFIER_SPEC,
  LOCATION_SPEC,
  ONLINE_ACCOUNT_SPEC,
  ORGANIZATION_SPEC,
  PHONE_SPEC,
  WEAPON_SPEC,
} from './other-specs.ts';
import { PERSON_SPEC } from './person-spec.ts';
import type { Observation, TypeSpec } from './spec.ts';
import { VEHICLE_SPEC } from './vehicle-spec.ts';

// Features are opaque outside their own spec; `unknown` here is what keeps them so.
export const SPECS: Readonly<Record<ObservationType, TypeSpec<unknown>>> = {
  person: PERSON_SPEC,
  vehicle: VEHICLE_SPEC,
  organization: ORGANIZATION_SPEC,
  location: LOCATION_SPEC,
  weapon: WEAPON_SPEC,
  phone: PHONE_SPEC,
  email: EMAIL_SPEC,
  online_account: ONLINE_ACCOUNT_SPEC,
  identifier: IDENTIFIER_SPEC,
};

/** An observation with its features computed once, for scoring many pairs. */
export type Prepared = {
  readonly id: string;
  readonly type: ObservationType;
  readonly features: unknown;
  /** Its blocking keys, derived on first use. */
  readonly keys: readonly string[];
};

/*
 * Blocking keys are derived only when asked for: the stored candidates resolution reads and
 * prepares in every batch (many times the batch's own observations) are scored, and their
 * keys are needed only to check a conflict between two entities' members.
 */
class PreparedObservation implements Prepared {
  readonly id: string;
  readonly type: ObservationType;
  readonly features: unknown;
  #keys: readonly string[] | undefined;

  constructor(observation: Observation, features: unknown) {
    this.id = observation.id;
    this.type = observation.type;
    this.features = features;
  }

  get keys(): readonly string[] {
    return (this.#keys ??= SPECS[this.type].blockingKeys(this.features));
  }
}

/*
 * Preparing (normalising, phonetic codes) is a pure function of an immutable observation, and
 * resolution compares each stored observation with many new ones: once each.
 */
const preparedOnce = new WeakMap<Observation, Prepared>();

export function prepare(observation: Observation): Prepared {
  const cached = preparedOnce.get(observation);
  if (cached) return cached;
  const features = SPECS[observation.type].prepare(observation.attributes);
  const prepared = new PreparedObservation(observation, features);
  preparedOnce.set(observation, prepared);
  return prepared;
}

/** Level indices of every field for one pair (-1 where a value is missing). */
export function compareVector(a: Prepared, b: Prepared): Int8Array {
  const fields = SPECS[a.type].fields;
  const out = new Int8Array(fields.length);
  fields.forEach((field, i) => {
    const level = field.compare(a.features, b.features);
    out[i] = level === null ? -1 : field.levels.indexOf(level);
  });
  return out;
}
