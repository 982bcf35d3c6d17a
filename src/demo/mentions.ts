/**
 * A record mentions real entities: this module turns a person, vehicle, phone, organisation
 * or site into an observation (as this record saw it) paired with the entity's key, which
 * is the ground truth that entity resolution is later scored against. It also gives the
 * words a narrative uses for what it mentions, so text and observations agree.
 */
import type { AddressParts } from './addresses.ts';
import type { County, GeoPoint } from './geography.ts';
import { SURNAMES } from './names.ts';
import type { Organization } from './organizations.ts';
import type { Person, Population, Vehicle } from './people.ts';
import type { RegionKey } from './places.ts';
import type { Random } from './random.ts';
import type { DemoAgency, DemoObservation } from './types.ts';
import type { LocalParts } from './time.ts';
import {
  nameInText,
  observeOrganization,
  observePerson,
  observeVehicle,
  variedPhone,
  type Detail,
} from './variation.ts';
import type { ObservationRole } from '../modules/entities/observation-types.ts';

export type Mention = { observation: DemoObservation; entityKey: string };

/** Everything a kind-specific builder needs to write one record. */
export type RecordContext = {
  rng: Random;
  sourceRecordId: string;
  population: Population;
  agency: DemoAgency;
  county: County;
  region: RegionKey;
  point: GeoPoint;
  address: AddressParts;
  whenMs: number;
  when: LocalParts;
  highway: string;
  mentions: Mention[];
};

/** A record names at most five entities; builders ask, and this says no past the limit. */
export const MAX_MENTIONS = 5;

export function hasRoom(ctx: RecordContext): boolean {
  return ctx.mentions.length < MAX_MENTIONS;
}

function add(ctx: RecordContext, mention: Mention): void {
  if (hasRoom(ctx)) ctx.mentions.push(mention);
}

/** Mostly someone from the record's region, sometimes anyone in the state. */
export function pickPerson(ctx: RecordContext): Person {
  // One person plays one part per record: redraw if the frequent ones are already in it.
  for (let attempt = 0; ; attempt++) {
    const index = ctx.rng.chance(0.85)
      ? ctx.population.pickPersonIndex(ctx.rng, ctx.region)
      : ctx.population.pickAnyPersonIndex(ctx.rng);
    const person = ctx.population.person(index);
    if (attempt >= 8 || !ctx.mentions.some((m) => m.entityKey === person.key)) return person;
  }
}

/** Adds the person as observed and returns the name the narrative should print. */
export function mentionPerson(
  ctx: RecordContext,
  person: Person,
  role: ObservationRole,
  detail: Detail,
): string {
  const attributes = observePerson(ctx.rng, person, detail);
  add(ctx, { observation: { type: 'person', role, attributes }, entityKey: person.key });
  const dob = attributes['dateOfBirth'];
  const name = nameInText(attributes);
  return typeof dob === 'string' && dob.length === 10 ? `${name} (DOB ${usDate(dob)})` : name;
}

function usDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${m}/${d}/${y}`;
}

const STATE_NAMES: Readonly<Record<string, string>> = {
  VA: 'Virginia',
  MD: 'Maryland',
  NC: 'North Carolina',
  DC: 'District of Columbia',
  WV: 'West Virginia',
};

/** "a Silver 2016 Honda Accord bearing Virginia registration ABC-1234", from what was seen. */
export function vehicleText(attrs: Record<string, unknown>): string {
  const color = typeof attrs['color'] === 'string' ? attrs['color'].toLowerCase() : undefined;
  const body = [color, attrs['year'], attrs['make'], attrs['model']]
    .filter((p) => p !== undefined)
    .map(String)
    .join(' ');
  const plate = typeof attrs['plate'] === 'string' ? attrs['plate'] : '';
  const plateState = typeof attrs['plateState'] === 'string' ? attrs['plateState'] : '';
  const state = STATE_NAMES[plateState] ?? '';
  const tag = plate ? ` bearing ${state ? `${state} ` : ''}registration ${plate}` : '';
  return `${/^[aeiou]/i.test(body) ? 'an' : 'a'} ${body}${tag}`;
}

export function mentionVehicle(
  ctx: RecordContext,
  vehicle: Vehicle,
  role: ObservationRole,
  detail: Detail,
): string {
  const attributes = observeVehicle(ctx.rng, vehicle, detail);
  add(ctx, { observation: { type: 'vehicle', role, attributes }, entityKey: vehicle.key });
  return vehicleText(attributes);
}

export function mentionPhone(
  ctx: RecordContext,
  phone: { key: string; number: string },
  role: ObservationRole,
): string {
  const number = variedPhone(ctx.rng, phone.number);
  add(ctx, { observation: { type: 'phone', role, attributes: { number } }, entityKey: phone.key });
  return number;
}

export function mentionEmail(
  ctx: RecordContext,
  email: { key: string; address: string },
  role: ObservationRole,
): string {
  const attributes = { address: ctx.rng.chance(0.1) ? email.address.toUpperCase() : email.address };
  add(ctx, { observation: { type: 'email', role, attributes }, entityKey: email.key });
  return email.address;
}

export function mentionAccount(
  ctx: RecordContext,
  account: { key: string; service: string; handle: string },
  role: ObservationRole,
): string {
  const handle = ctx.rng.chance(0.5) ? `@${account.handle}` : account.handle;
  add(ctx, {
    observation: { type: 'online_account', role, attributes: { service: account.service, handle } },
    entityKey: account.key,
  });
  return `${account.service} account ${handle}`;
}

export function mentionOrganization(
  ctx: RecordContext,
  org: Organization,
  role: ObservationRole,
): string {
  const attributes = observeOrganization(ctx.rng, org);
  add(ctx, { observation: { type: 'organization', role, attributes }, entityKey: org.key });
  return String(attributes['name']);
}

/** A named place (a critical-infrastructure site) as a location observation. */
export function mentionSite(
  ctx: RecordContext,
  site: { key: string; name: string; lat: number; lon: number },
): void {
  add(ctx, {
    observation: {
      type: 'location',
      role: 'mentioned',
      attributes: { name: site.name, lat: site.lat, lon: site.lon },
    },
    entityKey: `site:${site.key}`,
  });
}

const FIREARMS: readonly (readonly [string, string, string])[] = [
  ['handgun', 'Glock', '19'],
  ['handgun', 'Smith & Wesson', 'M&P Shield'],
  ['handgun', 'Taurus', 'G2C'],
  ['handgun', 'Sig Sauer', 'P365'],
  ['rifle', 'Ruger', 'AR-556'],
  ['shotgun', 'Mossberg', '500'],
  ['handgun', 'Hi-Point', 'C9'],
];

/** A weapon seen once; it has no life outside this record, so its key is the record's. */
export function mentionWeapon(ctx: RecordContext): string {
  const [kind, make, model] = ctx.rng.pick(FIREARMS);
  const attributes: Record<string, unknown> = { kind, make, model };
  if (ctx.rng.chance(0.6))
    attributes['serial'] = `${ctx.rng.pick(['A', 'B', 'K', 'R'])}${ctx.rng.digits(6)}`;
  add(ctx, {
    observation: { type: 'weapon', role: 'mentioned', attributes },
    entityKey: `weapon:${ctx.sourceRecordId}:${ctx.mentions.length}`,
  });
  return `a ${make} ${model} ${kind}`;
}

const RANKS: Readonly<Record<string, readonly string[]>> = {
  sheriff: ['Dep.', 'Dep.', 'Sgt.', 'Det.'],
  vsp: ['Tpr.', 'Tpr.', 'Sgt.', 'SA'],
  fire: ['Inv.', 'Capt.', 'Lt.'],
  ems: ['Paramedic', 'EMT', 'Supervisor'],
  corrections: ['Sgt.', 'Lt.', 'Inv.'],
  public_health: ['Epidemiologist', 'Investigator'],
  federal: ['SA', 'TFO', 'SSA'],
  police: ['Ofc.', 'Ofc.', 'Ofc.', 'Det.', 'Sgt.', 'Cpl.'],
};

function ranksOf(agency: DemoAgency): readonly string[] {
  if (agency.key.endsWith('-so')) return RANKS['sheriff'] ?? [];
  if (agency.key === 'vsp') return RANKS['vsp'] ?? [];
  return RANKS[agency.discipline] ?? RANKS['police'] ?? [];
}

/** "Ofc. R. Turner #4512": titles by agency type, as report headers print them. */
export function officerName(rng: Random, agency: DemoAgency): string {
  const rank = rng.pick(ranksOf(agency));
  const initial = 'ABCDEGJKLMRST'.charAt(rng.int(0, 12));
  return `${rank} ${initial}. ${rng.pick(SURNAMES)} #${rng.int(1000, 9999)}`;
}
