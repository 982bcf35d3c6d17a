/**
 * The demo world as an agency's records-management export: one CSV row per record, with up
 * to two people, a vehicle, a phone, an organisation, an e-mail address, a place and a
 * weapon as columns, read back by the mapping in demo-export.mapping.yaml. Records are
 * generated and written one at a time with backpressure, so memory stays flat however many
 * rows are written. Used by the ingest benchmark (bench/ingest.ts) and its round-trip test.
 *
 * A CSV row is a projection: observations beyond those slots (a third person, online
 * accounts), arrest charges beyond three and a cyber indicator's observables (its pattern
 * carries them) are left out, and releasability is the source's default. As RMS exports
 * do, the contact-phone column falls back to a listed person's first phone when the record
 * has no phone of its own.
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import type { DemoObservation, DemoRecord } from './types.ts';
import { generateDemoWorld } from './world.ts';

export const DEMO_CSV_MAPPING_FILE = fileURLToPath(
  new URL('./demo-export.mapping.yaml', import.meta.url),
);

/** The mapping that reads an exported file (docs/ingest-mapping.md). */
export function readDemoCsvMapping(): string {
  return readFileSync(DEMO_CSV_MAPPING_FILE, 'utf8');
}

/** The observations of a record that get columns, in the mapping's entity order. */
export type DemoCsvSlots = {
  people: DemoObservation[];
  vehicle?: DemoObservation | undefined;
  phone?: DemoObservation | undefined;
  organization?: DemoObservation | undefined;
  email?: DemoObservation | undefined;
  location?: DemoObservation | undefined;
  weapon?: DemoObservation | undefined;
};

export function demoCsvSlots(record: DemoRecord): DemoCsvSlots {
  const obs = record.body.observations;
  const firstOf = (type: DemoObservation['type']) => obs.find((o) => o.type === type);
  const people = obs.filter((o) => o.type === 'person').slice(0, 2);
  return {
    people,
    vehicle: firstOf('vehicle'),
    phone: firstOf('phone') ?? phoneOfPeople(people),
    organization: firstOf('organization'),
    email: firstOf('email'),
    location: firstOf('location'),
    weapon: firstOf('weapon'),
  };
}

function phoneOfPeople(people: DemoObservation[]): DemoObservation | undefined {
  for (const p of people) {
    const phones = p.attributes['phones'];
    if (Array.isArray(phones) && typeof phones[0] === 'string')
      return { type: 'phone', role: p.role, attributes: { number: phones[0] } };
  }
  return undefined;
}

type Cell = string | number | boolean | undefined;
type Column = readonly [name: string, read: (r: DemoRecord, s: DemoCsvSlots) => Cell];
type Attributes = Record<string, unknown>;

const str = (v: unknown): Cell =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : undefined;
const list = (v: unknown): Cell =>
  Array.isArray(v) && v.length > 0 ? v.map((x) => String(x)).join(';') : undefined;
const payload = (r: DemoRecord) => r.body.payload as Attributes;
const attrs = (o: DemoObservation | undefined): Attributes => o?.attributes ?? {};
const addressOf = (o: DemoObservation | undefined): Attributes =>
  (attrs(o)['address'] as Attributes | undefined) ?? {};

/** "SURNAME, GIVEN MIDDLE SUFFIX", as RMS exports write names (the mapping's last_first). */
function fullName(a: Attributes): Cell {
  const rest = [a['givenName'], a['middleName'], a['nameSuffix']].filter(Boolean).join(' ');
  const surname = typeof a['surname'] === 'string' ? a['surname'] : '';
  if (!surname && !rest) return undefined;
  return rest ? `${surname}, ${rest}` : surname;
}

function driverLicence(a: Attributes): { value?: string; issuer?: string } {
  const ids = (a['identifiers'] ?? []) as { scheme: string; value: string; issuer?: string }[];
  return ids.find((i) => i.scheme === 'driver_license') ?? {};
}

function personColumns(prefix: string, index: number): Column[] {
  const p = (s: DemoCsvSlots) => s.people[index];
  const a = (s: DemoCsvSlots) => attrs(p(s));
  return [
    [`${prefix}_ROLE`, (_r, s) => p(s)?.role],
    [`${prefix}_NAME`, (_r, s) => fullName(a(s))],
    [`${prefix}_ALIASES`, (_r, s) => list(a(s)['aliases'])],
    [`${prefix}_DOB`, (_r, s) => str(a(s)['dateOfBirth'])],
    [`${prefix}_SEX`, (_r, s) => str(a(s)['sex'])],
    [`${prefix}_PHONES`, (_r, s) => list(a(s)['phones'])],
    [`${prefix}_EMAILS`, (_r, s) => list(a(s)['emails'])],
    [`${prefix}_DL`, (_r, s) => driverLicence(a(s)).value],
    [`${prefix}_DL_STATE`, (_r, s) => driverLicence(a(s)).issuer],
    [`${prefix}_STREET`, (_r, s) => str(addressOf(p(s))['street'])],
    [`${prefix}_CITY`, (_r, s) => str(addressOf(p(s))['city'])],
    [`${prefix}_STATE`, (_r, s) => str(addressOf(p(s))['state'])],
    [`${prefix}_ZIP`, (_r, s) => str(addressOf(p(s))['postcode'])],
    [`${prefix}_COUNTRY`, (_r, s) => str(addressOf(p(s))['country'])],
    [`${prefix}_DESCRIPTION`, (_r, s) => str(a(s)['description'])],
  ];
}

function payloadColumn(name: string, field: string, join = false): Column {
  return [name, (r) => (join ? list(payload(r)[field]) : str(payload(r)[field]))];
}

function chargeColumns(n: number): Column[] {
  const charge = (r: DemoRecord) =>
    (payload(r)['charges'] as { statute: string; description: string }[] | undefined)?.[n];
  return [
    [`CHARGE${n + 1}_STATUTE`, (r) => charge(r)?.statute],
    [`CHARGE${n + 1}_DESC`, (r) => charge(r)?.description],
  ];
}

const RECORD_COLUMNS: Column[] = [
  ['RECORD_ID', (r) => r.sourceRecordId],
  ['KIND', (r) => r.body.kind],
  ['TITLE', (r) => r.body.title],
  ['NARRATIVE', (r) => r.body.narrative],
  ['OCCURRED_FROM', (r) => r.body.occurredFrom],
  ['OCCURRED_TO', (r) => r.body.occurredTo],
  ['LAT', (r) => r.body.location.lat],
  ['LON', (r) => r.body.location.lon],
  ['ADDRESS', (r) => r.body.location.address],
  ['DISPOSITION', (r) => r.disposition],
  ['TLP', (r) => r.body.markings.tlp],
  ['CAVEATS', (r) => list(r.body.markings.caveats)],
  ['PARTNER_SHARE', (r) => r.body.markings.partnerShare],
  ['NETWORK_SHARE', (r) => r.body.markings.networkShare],
];

const PAYLOAD_COLUMNS: Column[] = [
  payloadColumn('BEHAVIOURS', 'behaviours', true),
  payloadColumn('TARGET_SECTORS', 'targetSectors', true),
  payloadColumn('HOW_OBSERVED', 'howObserved'),
  payloadColumn('ARTICULABLE_FACTS', 'articulableFacts'),
  payloadColumn('TIP_CLASSES', 'tipClasses', true),
  payloadColumn('TIP_DOMAIN', 'tipDomain'),
  payloadColumn('RECEIVED_VIA', 'receivedVia'),
  payloadColumn('ANONYMOUS', 'anonymous'),
  payloadColumn('CASE_NO', 'caseNumber'),
  payloadColumn('OFFENSE_CODES', 'offenseCodes', true),
  payloadColumn('REPORTING_OFFICER', 'reportingOfficer'),
  payloadColumn('PREMISE_TYPE', 'premiseType'),
  payloadColumn('FI_REASON', 'reason'),
  payloadColumn('FI_CONTACT_TYPE', 'contactType'),
  payloadColumn('FI_OFFICER', 'officer'),
  payloadColumn('ARREST_NO', 'arrestNumber'),
  payloadColumn('BOOKING_NO', 'bookingNumber'),
  ...[0, 1, 2].flatMap(chargeColumns),
  payloadColumn('ACTIVITY_TYPE', 'criminalActivityType'),
  payloadColumn('REASONABLE_SUSPICION', 'reasonableSuspicion'),
  payloadColumn('SOURCE_RELIABILITY', 'sourceReliability'),
  payloadColumn('CONTENT_VALIDITY', 'contentValidity'),
  payloadColumn('SOURCE_NATURE', 'sourceNature'),
  payloadColumn('CONTROL_OFFICIAL', 'controlOfficial'),
  payloadColumn('STIX_ID', 'stixId'),
  payloadColumn('PATTERN', 'pattern'),
  payloadColumn('PATTERN_TYPE', 'patternType'),
  payloadColumn('INDICATOR_TYPES', 'indicatorTypes', true),
  payloadColumn('VALID_FROM', 'validFrom'),
  payloadColumn('VALID_UNTIL', 'validUntil'),
];

const ENTITY_COLUMNS: Column[] = [
  ...personColumns('P1', 0),
  ...personColumns('P2', 1),
  ['VEH_ROLE', (_r, s) => s.vehicle?.role],
  ['PLATE', (_r, s) => str(attrs(s.vehicle)['plate'])],
  ['PLATE_STATE', (_r, s) => str(attrs(s.vehicle)['plateState'])],
  ['VIN', (_r, s) => str(attrs(s.vehicle)['vin'])],
  ['VEH_MAKE', (_r, s) => str(attrs(s.vehicle)['make'])],
  ['VEH_MODEL', (_r, s) => str(attrs(s.vehicle)['model'])],
  ['VEH_YEAR', (_r, s) => str(attrs(s.vehicle)['year'])],
  ['VEH_COLOR', (_r, s) => str(attrs(s.vehicle)['color'])],
  ['PHONE_ROLE', (_r, s) => s.phone?.role],
  ['PHONE', (_r, s) => str(attrs(s.phone)['number'])],
  ['ORG_ROLE', (_r, s) => s.organization?.role],
  ['ORG_NAME', (_r, s) => str(attrs(s.organization)['name'])],
  ['EMAIL_ROLE', (_r, s) => s.email?.role],
  ['EMAIL', (_r, s) => str(attrs(s.email)['address'])],
  ['PLACE_ROLE', (_r, s) => s.location?.role],
  ['PLACE_NAME', (_r, s) => str(attrs(s.location)['name'])],
  ['PLACE_LAT', (_r, s) => str(attrs(s.location)['lat'])],
  ['PLACE_LON', (_r, s) => str(attrs(s.location)['lon'])],
  ['PLACE_STREET', (_r, s) => str(addressOf(s.location)['street'])],
  ['PLACE_CITY', (_r, s) => str(addressOf(s.location)['city'])],
  ['PLACE_STATE', (_r, s) => str(addressOf(s.location)['state'])],
  ['PLACE_ZIP', (_r, s) => str(addressOf(s.location)['postcode'])],
  ['WEAPON_ROLE', (_r, s) => s.weapon?.role],
  ['WEAPON_KIND', (_r, s) => str(attrs(s.weapon)['kind'])],
  ['WEAPON_MAKE', (_r, s) => str(attrs(s.weapon)['make'])],
  ['WEAPON_MODEL', (_r, s) => str(attrs(s.weapon)['model'])],
  ['WEAPON_SERIAL', (_r, s) => str(attrs(s.weapon)['serial'])],
];

const COLUMNS: readonly Column[] = [...RECORD_COLUMNS, ...PAYLOAD_COLUMNS, ...ENTITY_COLUMNS];

export const DEMO_CSV_HEADER: readonly string[] = COLUMNS.map(([name]) => name);

/** RFC 4180 quoting: only cells holding a delimiter, quote or line break are quoted. */
function csvCell(value: Cell): string {
  if (value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record as one CSV line (with its line break). */
export function demoCsvLine(record: DemoRecord): string {
  const slots = demoCsvSlots(record);
  return COLUMNS.map(([, read]) => csvCell(read(record, slots))).join(',') + '\n';
}

export type DemoCsvOptions = {
  seed?: number | string;
  records: number;
  onProgress?: (done: number) => void;
};

const CHUNK_CHARS = 1 << 20; // Written in ~1 MiB pieces: few syscalls, bounded buffering.

/** Writes the header and one line per demo record to `path`; returns what was written. */
export async function exportDemoCsv(
  path: string,
  opts: DemoCsvOptions,
): Promise<{ records: number; bytes: number }> {
  const world = generateDemoWorld({ seed: opts.seed, records: opts.records });
  const out = createWriteStream(path);
  let chunk = DEMO_CSV_HEADER.join(',') + '\n';
  let records = 0;
  const flush = async () => {
    const full = !out.write(chunk);
    chunk = '';
    if (full) await once(out, 'drain');
  };
  for (const record of world.records()) {
    chunk += demoCsvLine(record);
    records++;
    if (chunk.length >= CHUNK_CHARS) {
      await flush();
      opts.onProgress?.(records);
    }
  }
  await flush();
  out.end();
  await finished(out);
  return { records, bytes: out.bytesWritten };
}
