/**
 * CI-14: identity is not established by weak evidence. However high a pair's probability, it
 * is merged only when its evidence meets one of its type's rules; otherwise it becomes a
 * "possible association" for an analyst. The rules are data, so a center can tighten them
 * (a DOB keyed one digit off no longer counting, say) without touching code:
 *
 *   { person: [ { name: 'name+dob+identifier',
 *                 requires: [ { field: 'given', levels: ['exact', 'nickname', 'jw94'] }, … ] } ] }
 *
 * A rule is met when every requirement's field reached one of the listed levels; a type's
 * rules are alternatives. A type with no rules can never be merged automatically.
 *
 * Defaults: a person needs name (given and surname, allowing a nickname or a one-letter slip)
 * and date of birth (allowing one keying slip or a day/month swap), plus either an identifier
 * of the same scheme with the same value or the same street address. A vehicle needs its VIN,
 * or its plate (O/0 folded) with the same plate state. Phones, e-mails, accounts and bare
 * identifiers need their normalised value. An organisation needs its name (legal forms
 * dropped, one slip allowed) and either an identifier or the same street address: a bare
 * name is not enough, because business names repeat ("Patel Wireless" in three towns) and
 * "merge only with sufficient identifying attributes to conclude it is the same individual/
 * organization" (DOMAIN-REFERENCE, privacy template; CI-14) holds for organisations too. A
 * location needs its name and coordinates within 100 m, or its street address and postcode
 * or city; a weapon its serial and make.
 */
import type { ObservationType } from '../entities/observation-types.ts';
import type { Evidence } from './model.ts';

export type EvidenceRequirement = { field: string; levels: readonly string[] };
export type EvidenceRule = { name: string; requires: readonly EvidenceRequirement[] };
export type MinimumEvidence = Partial<Record<ObservationType, readonly EvidenceRule[]>>;

const NAME: readonly EvidenceRequirement[] = [
  { field: 'given', levels: ['exact', 'nickname', 'jw94'] },
  { field: 'surname', levels: ['exact', 'jw94'] },
];
const DOB: EvidenceRequirement = { field: 'dob', levels: ['exact', 'transposed', 'typo'] };
const exact = (field: string): EvidenceRequirement => ({ field, levels: ['exact'] });
const SAME_ADDRESS: EvidenceRequirement = { field: 'street', levels: ['exact', 'close'] };
/** Compared once legal forms are dropped ("Acme Towing LLC" = "ACME TOWING"). */
const ORGANIZATION_NAME: EvidenceRequirement = { field: 'name', levels: ['exact', 'jw94'] };

export const DEFAULT_MINIMUM_EVIDENCE: MinimumEvidence = {
  person: [
    { name: 'name+dob+identifier', requires: [...NAME, DOB, exact('identifier')] },
    { name: 'name+dob+address', requires: [...NAME, DOB, SAME_ADDRESS] },
  ],
  vehicle: [
    { name: 'vin', requires: [exact('vin')] },
    {
      name: 'plate+state',
      requires: [{ field: 'plate', levels: ['exact', 'folded'] }, exact('plateState')],
    },
  ],
  phone: [{ name: 'number', requires: [exact('number')] }],
  email: [{ name: 'address', requires: [exact('address')] }],
  online_account: [{ name: 'service+handle', requires: [exact('service'), exact('handle')] }],
  identifier: [{ name: 'scheme+value', requires: [exact('scheme'), exact('value')] }],
  organization: [
    { name: 'name+identifier', requires: [ORGANIZATION_NAME, exact('identifier')] },
    { name: 'name+address', requires: [ORGANIZATION_NAME, SAME_ADDRESS] },
  ],
  location: [
    {
      name: 'name+coordinates',
      requires: [exact('name'), { field: 'coordinates', levels: ['near'] }],
    },
    {
      name: 'address',
      requires: [
        exact('street'),
        { field: 'locality', levels: ['postcode_city', 'postcode', 'city'] },
      ],
    },
  ],
  weapon: [{ name: 'serial+make', requires: [exact('serial'), exact('make')] }],
};

/** The first rule the evidence meets, or undefined: the merge must be refused (CI-14). */
export function satisfiedRule(
  type: ObservationType,
  evidence: readonly Evidence[],
  config: MinimumEvidence = DEFAULT_MINIMUM_EVIDENCE,
): string | undefined {
  const levelOf = new Map(evidence.map((e) => [e.field, e.level]));
  const met = (r: EvidenceRequirement) => {
    const level = levelOf.get(r.field);
    return level !== undefined && r.levels.includes(level);
  };
  return config[type]?.find((rule) => rule.requires.every(met))?.name;
}

/**
 * Why a merge was refused: for each rule, the requirements that were not met, closest rule
 * first. This is the "identity is not established" explanation shown with a candidate.
 */
export function missingEvidence(
  type: ObservationType,
  evidence: readonly Evidence[],
  config: MinimumEvidence = DEFAULT_MINIMUM_EVIDENCE,
): { rule: string; missing: string[] }[] {
  const levelOf = new Map(evidence.map((e) => [e.field, e.level]));
  return (config[type] ?? [])
    .map((rule) => ({
      rule: rule.name,
      missing: rule.requires
        .filter((r) => !r.levels.includes(levelOf.get(r.field) ?? ''))
        .map((r) => r.field),
    }))
    .sort((a, b) => a.missing.length - b.missing.length);
}
