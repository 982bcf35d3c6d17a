/**
 * The real entities behind the records: people (with their vehicle, phone, e-mail and online
 * account) and organisations (organizations.ts). Nothing is stored: entity N is rebuilt from (seed, N) whenever
 * a record mentions it, so the population can be as large as a million-record world needs
 * while memory stays flat. People live in a region, and records in that region mostly
 * mention its residents, which is what makes the same person recur across agencies.
 */
import { makeAddress, type AddressParts } from './addresses.ts';
import type { County } from './geography.ts';
import {
  CRIMINAL_GROUPS,
  buildCriminalGroup,
  buildOrganization,
  type Organization,
} from './organizations.ts';
import {
  FEMALE_NAMES,
  MALE_NAMES,
  NAME_SUFFIXES,
  STREET_ALIASES,
  SURNAMES,
  type GivenName,
} from './names.ts';
import { AREA_CODES, REGION_KEYS, type RegionKey } from './places.ts';
import { Random, WeightedPicker, hashSeed, hashString } from './random.ts';
import { PLATE_STATES, VEHICLE_COLORS, VEHICLE_MODELS, makePlate, makeVin } from './vehicles.ts';
import type { WeightedPicker as Picker } from './random.ts';

export type Vehicle = {
  key: string;
  plate: string;
  plateState: string;
  vin: string;
  make: string;
  model: string;
  year: number;
  /** Words different reporters use for this paint; the first is the registration's. */
  colors: readonly string[];
};

export type Person = {
  key: string;
  index: number;
  sex: 'M' | 'F';
  given: GivenName;
  middleName: string | null;
  surname: string;
  suffix: string | null;
  dateOfBirth: string;
  alias: string | null;
  address: AddressParts;
  /** Where the person lived before: older records still carry it. */
  previousAddress: AddressParts;
  /** Virginia DMV customer number: a letter and eight digits. */
  driverLicense: string | null;
  /** Virginia State Police state identification number, for people with a record. */
  sid: string | null;
  phone: { key: string; number: string } | null;
  email: { key: string; address: string } | null;
  account: { key: string; service: string; handle: string } | null;
  vehicle: Vehicle | null;
  heightIn: number;
  weightLb: number;
  hair: string;
  eyes: string;
  region: RegionKey;
};

const PERSON_CACHE_SIZE = 16_384;
const PLATE_STATE_PICKER = new WeightedPicker(PLATE_STATES);
const DL_LETTERS = ['A', 'B', 'C', 'S', 'T', 'U', 'X'];
const SERVICES = ['Instagram', 'Telegram', 'Facebook', 'X', 'TikTok', 'Snapchat', 'Discord'];
const MAIL_DOMAINS = ['example.com', 'example.net', 'example.org', 'mail.example'];

/** Sizes the population from the record count: about 0.4 people per record, never tiny. */
export function populationSizes(records: number): { people: number; organizations: number } {
  return {
    people: Math.max(400, Math.ceil(records * 0.4)),
    organizations: Math.max(80, Math.ceil(records * 0.005)),
  };
}

export class Population {
  readonly seed: number;
  readonly people: number;
  readonly organizations: number;
  /** Each region owns a contiguous range of person indices, sized by its population. */
  private readonly regionStart = new Map<RegionKey, number>();
  private readonly regionSize = new Map<RegionKey, number>();
  private readonly regionCounties = new Map<RegionKey, Picker<County>>();

  constructor(seed: number, records: number, counties: readonly County[]) {
    this.seed = seed;
    const sizes = populationSizes(records);
    this.people = sizes.people;
    this.organizations = sizes.organizations;
    const total = counties.reduce((s, c) => s + c.populationK, 0);
    let start = 0;
    for (const region of REGION_KEYS) {
      const members = counties.filter((c) => c.region === region && c.populationK > 0);
      const share = members.reduce((s, c) => s + c.populationK, 0) / total;
      const size = Math.max(20, Math.round(share * this.people));
      this.regionStart.set(region, start);
      this.regionSize.set(region, size);
      this.regionCounties.set(
        region,
        new WeightedPicker(members.map((c) => [c, c.populationK] as const)),
      );
      start += size;
    }
    this.people = start;
  }

  /** A resident of the region, most often one of its "frequent" people (low indices). */
  pickPersonIndex(rng: Random, region: RegionKey): number {
    const size = this.regionSize.get(region) ?? 1;
    return (this.regionStart.get(region) ?? 0) + rng.skewedIndex(size, 1.6);
  }

  /** Anyone in the state: for the minority of records that mention out-of-area people. */
  pickAnyPersonIndex(rng: Random): number {
    return rng.skewedIndex(this.people, 1.3);
  }

  pickOrganizationIndex(rng: Random): number {
    return rng.skewedIndex(this.organizations, 1.5);
  }

  /** Gangs and networks are few and statewide, so they have fixed keys. */
  pickCriminalGroup(rng: Random): Organization {
    const index = rng.skewedIndex(CRIMINAL_GROUPS.length, 1.4);
    const rngGroup = new Random(hashSeed(this.seed, hashString('group'), index));
    const county = this.regionCounties.get(rngGroup.pick(REGION_KEYS))?.pick(rngGroup);
    return buildCriminalGroup(rngGroup, index, county?.fips ?? '51760');
  }

  regionOfPerson(index: number): RegionKey {
    let found: RegionKey = REGION_KEYS[0];
    for (const region of REGION_KEYS) {
      if ((this.regionStart.get(region) ?? 0) <= index) found = region;
    }
    return found;
  }

  /**
   * Direct-mapped cache: frequent people are rebuilt far less often, and memory stays
   * bounded by the table size whatever the population.
   */
  private readonly cache: (Person | undefined)[] = new Array<Person | undefined>(PERSON_CACHE_SIZE);

  person(index: number): Person {
    const slot = index % PERSON_CACHE_SIZE;
    const cached = this.cache[slot];
    if (cached?.index === index) return cached;
    const built = this.buildPersonAt(index);
    this.cache[slot] = built;
    return built;
  }

  private buildPersonAt(index: number): Person {
    const rng = new Random(hashSeed(this.seed, hashString('person'), index));
    const region = this.regionOfPerson(index);
    const county = this.regionCounties.get(region)?.pick(rng);
    return buildPerson(rng, index, region, county?.fips ?? '51760', this.seed);
  }

  organization(index: number): Organization {
    const rng = new Random(hashSeed(this.seed, hashString('organization'), index));
    const region = rng.pick(REGION_KEYS);
    const county = this.regionCounties.get(region)?.pick(rng);
    return buildOrganization(rng, index, county?.fips ?? '51760');
  }
}

function dateOfBirth(rng: Random): string {
  // Ages 16–75, most between 20 and 45, counted back from the demo's reference years.
  const age = Math.max(16, Math.min(75, Math.round(rng.normal(33, 11))));
  const year = 2024 - age;
  const month = rng.int(1, 12);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const day = rng.int(1, month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function buildVehicle(rng: Random, key: string): Vehicle {
  const m = rng.pick(VEHICLE_MODELS);
  const year = rng.int(2004, 2024);
  const plateState = PLATE_STATE_PICKER.pick(rng);
  return {
    key,
    plate: makePlate(rng, plateState),
    plateState,
    vin: makeVin(rng, rng.pick(m.wmi), year),
    make: m.make,
    model: m.model,
    year,
    colors: rng.pick(VEHICLE_COLORS),
  };
}

function buildPerson(
  rng: Random,
  index: number,
  region: RegionKey,
  fips: string,
  seed: number,
): Person {
  const sex = rng.chance(0.62) ? 'M' : 'F'; // subjects of police records skew male
  const given = rng.pick(sex === 'M' ? MALE_NAMES : FEMALE_NAMES);
  const surname = rng.pick(SURNAMES);
  const middle = rng.chance(0.75) ? rng.pick(sex === 'M' ? MALE_NAMES : FEMALE_NAMES).name : null;
  const handle = `${given.name.toLowerCase()}${surname.toLowerCase().replace(/[^a-z]/g, '')}${rng.int(1, 99)}`;
  const dob = dateOfBirth(rng);
  const previousRng = new Random(hashSeed(seed, hashString('previous-address'), index));
  return {
    key: `person:${index}`,
    index,
    sex,
    given,
    middleName: middle,
    surname,
    suffix: sex === 'M' && rng.chance(0.05) ? rng.pick(NAME_SUFFIXES) : null,
    dateOfBirth: dob,
    alias: rng.chance(0.12) ? rng.pick(STREET_ALIASES) : null,
    address: makeAddress(rng, fips),
    previousAddress: makeAddress(previousRng, fips),
    driverLicense: rng.chance(0.85) ? `${rng.pick(DL_LETTERS)}${rng.digits(8)}` : null,
    sid: rng.chance(0.4) ? `VA${rng.digits(7)}` : null,
    phone: rng.chance(0.8)
      ? { key: `phone:${index}`, number: `+1${rng.pick(AREA_CODES[region])}555${rng.digits(4)}` }
      : null,
    email: rng.chance(0.45)
      ? { key: `email:${index}`, address: `${handle}@${rng.pick(MAIL_DOMAINS)}` }
      : null,
    account: rng.chance(0.3)
      ? { key: `account:${index}`, service: rng.pick(SERVICES), handle }
      : null,
    vehicle: rng.chance(0.7) ? buildVehicle(rng, `vehicle:${index}`) : null,
    heightIn: Math.round(rng.normal(sex === 'M' ? 70 : 64.5, 3)),
    weightLb: Math.round(rng.normal(sex === 'M' ? 190 : 160, 30)),
    hair: rng.pick(['black', 'brown', 'brown', 'blond', 'red', 'gray']),
    eyes: rng.pick(['brown', 'brown', 'blue', 'green', 'hazel']),
    region,
  };
}
