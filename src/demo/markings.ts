/**
 * How owners mark what they enter, so the demo exercises every branch of the visibility
 * rule: LES on law-enforcement reporting, PII wherever a person is named, CRIMINAL_INTEL on
 * all intelligence (shared as pointers by default), HEALTH on public-health reporting,
 * PROPRIETARY on private partners' reports, and a spread of TLP and share levels. Agency
 * and sharing-group KEYS go in releasableToKeys; the loader turns them into ids.
 */
import type { Caveat, ShareLevel, Tlp } from '../access/markings.ts';
import type { RecordKind } from '../modules/records/record-kinds.ts';
import { DEMO_SHARING_GROUPS, HOST_AGENCY_KEY } from './agencies.ts';
import { WeightedPicker, type Random } from './random.ts';
import type { DemoAgency, DemoMarkings, DemoObservation } from './types.ts';

const TLP_DEFAULT = new WeightedPicker<Tlp>([
  ['CLEAR', 8],
  ['GREEN', 45],
  ['AMBER', 38],
  ['AMBER+STRICT', 5],
  ['RED', 4],
]);
const TLP_INTEL = new WeightedPicker<Tlp>([
  ['GREEN', 10],
  ['AMBER', 60],
  ['AMBER+STRICT', 20],
  ['RED', 10],
]);
const TLP_CYBER = new WeightedPicker<Tlp>([
  ['CLEAR', 15],
  ['GREEN', 45],
  ['AMBER', 35],
  ['AMBER+STRICT', 3],
  ['RED', 2],
]);
const SHARE_DEFAULT = new WeightedPicker<ShareLevel>([
  ['full', 75],
  ['pointer', 15],
  ['none', 10],
]);
const SHARE_INTEL = new WeightedPicker<ShareLevel>([
  ['pointer', 80],
  ['none', 15],
  ['full', 5],
]);
const NETWORK_DEFAULT = new WeightedPicker<ShareLevel>([
  ['none', 70],
  ['pointer', 20],
  ['full', 10],
]);

/** Criminal-justice agencies mark their reporting LES; private partners never may. */
export function isCriminalJustice(agency: DemoAgency): boolean {
  return (
    agency.discipline === 'law_enforcement' ||
    agency.discipline === 'tribal' ||
    agency.discipline === 'corrections' ||
    agency.discipline === 'federal' ||
    agency.discipline === 'fusion_center'
  );
}

function isHealth(agency: DemoAgency): boolean {
  return agency.discipline === 'public_health' || agency.discipline === 'ems';
}

function caveatsFor(
  rng: Random,
  agency: DemoAgency,
  kind: RecordKind,
  observations: readonly DemoObservation[],
): Caveat[] {
  const caveats: Caveat[] = [];
  const lesLikely = kind === 'cyber_indicator' ? 0.2 : kind === 'intel_report' ? 1 : 0.9;
  if (isCriminalJustice(agency) && rng.chance(lesLikely)) caveats.push('LES');
  if (observations.some((o) => o.type === 'person')) caveats.push('PII');
  if (kind === 'intel_report') caveats.push('CRIMINAL_INTEL');
  if (isHealth(agency)) caveats.push('HEALTH');
  if (agency.level === 'private') caveats.push('PROPRIETARY');
  // Juvenile contacts and similar protected statuses: rare, and only on agency records.
  if ((kind === 'field_interview' || kind === 'arrest') && rng.chance(0.01)) {
    caveats.push('SPECIAL_STATUS');
  }
  return caveats;
}

function groupsOf(agencyKey: string): string[] {
  return DEMO_SHARING_GROUPS.filter((g) => g.memberAgencyKeys.includes(agencyKey)).map(
    (g) => g.key,
  );
}

/**
 * Who a record is narrowed to. RED always names its recipients; PROPRIETARY names the center
 * so the fusion center can act on it; otherwise an agency's own sharing group now and then.
 */
function releasableTo(
  rng: Random,
  agency: DemoAgency,
  tlp: Tlp,
  caveats: readonly Caveat[],
): string[] {
  const keys = new Set<string>();
  const groups = groupsOf(agency.key);
  if (caveats.includes('PROPRIETARY')) {
    keys.add(HOST_AGENCY_KEY);
    if (rng.chance(0.4)) keys.add('ci-partners');
  }
  if (caveats.includes('HEALTH') && rng.chance(0.3)) keys.add('public-health');
  if (tlp === 'RED') {
    // RED goes to named recipients only: the center, and the JTTF when the center owns it.
    if (agency.key !== HOST_AGENCY_KEY) keys.add(HOST_AGENCY_KEY);
    if (agency.key === HOST_AGENCY_KEY || rng.chance(0.5)) keys.add('fbi-jttf');
  } else if (groups.length > 0 && rng.chance(0.15)) {
    keys.add(rng.pick(groups));
  }
  keys.delete(agency.key);
  return [...keys];
}

export function chooseMarkings(
  rng: Random,
  agency: DemoAgency,
  kind: RecordKind,
  observations: readonly DemoObservation[],
): { markings: DemoMarkings; releasableToKeys: string[] } {
  const tlpPicker =
    kind === 'intel_report' ? TLP_INTEL : kind === 'cyber_indicator' ? TLP_CYBER : TLP_DEFAULT;
  const tlp = tlpPicker.pick(rng);
  const caveats = caveatsFor(rng, agency, kind, observations);
  const partnerShare = (kind === 'intel_report' ? SHARE_INTEL : SHARE_DEFAULT).pick(rng);
  const networkShare =
    kind === 'intel_report' ? (rng.chance(0.2) ? 'pointer' : 'none') : NETWORK_DEFAULT.pick(rng);
  return {
    markings: { tlp, caveats, partnerShare, networkShare, releasableTo: [] },
    releasableToKeys: releasableTo(rng, agency, tlp, caveats),
  };
}
