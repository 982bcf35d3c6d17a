/**
 * Organisations records mention: local businesses (victims, fronts, employers) and a few
 * statewide criminal groups. Business names repeat across towns as they do in life, so only
 * the address tells two "Patel Wireless" shops apart.
 */
import { makeAddress, type AddressParts } from './addresses.ts';
import { SURNAMES } from './names.ts';
import type { Random } from './random.ts';

export type Organization = {
  key: string;
  name: string;
  legalSuffix: string | null;
  kind: 'business' | 'criminal_group';
  address: AddressParts;
};

const BUSINESS_WORDS = `Tidewater|Blue Ridge|Piedmont|Potomac|Shenandoah|Chesapeake|Capital
Eastern|Cardinal|Patriot|Liberty|Summit|Harbor|Atlantic|Allegheny|Rivanna|Mountain View`
  .trim()
  .split(/[|\n]/);
const BUSINESS_TRADES = [
  'Auto Detailing',
  'Logistics',
  'Freight Services',
  'Towing',
  'Check Cashing',
  'Vape & Smoke',
  'Hookah Lounge',
  'Construction',
  'Drone Services',
  'Imports',
  'Security Services',
  'Trucking',
  'Pawn & Jewelry',
  'Wireless',
  'Car Wash',
  'Staffing',
  'Marine Supply',
];
export const CRIMINAL_GROUPS = [
  'Bloods (Nine Trey Gangsters set)',
  'Crips (Rollin 60s set)',
  'MS-13 (Sailors clique)',
  'Pagans Motorcycle Club',
  'Southside Boyz',
  'Tre Deuce',
  'Zone 6',
  'Money Gang',
  'East End Hustlers',
  'Blue Ridge Sovereign Citizens network',
];

export function buildOrganization(rng: Random, index: number, fips: string): Organization {
  // Owner surnames widen the name space; duplicates that remain are realistic (two "Patel
  // Wireless" shops in different towns) and only their addresses tell them apart.
  const owner = rng.chance(0.4) ? rng.pick(SURNAMES) : rng.pick(BUSINESS_WORDS);
  return {
    key: `org:${index}`,
    name: `${owner} ${rng.pick(BUSINESS_TRADES)}`,
    legalSuffix: rng.pick(['LLC', 'Inc', 'LLC', 'Co', 'LLC', 'Corp']),
    kind: 'business',
    address: makeAddress(rng, fips),
  };
}

export function buildCriminalGroup(rng: Random, index: number, fips: string): Organization {
  return {
    key: `org:group-${index}`,
    name: CRIMINAL_GROUPS[index] ?? 'Unnamed group',
    legalSuffix: null,
    kind: 'criminal_group',
    address: makeAddress(rng, fips),
  };
}
