/**
 * The record stream. Record i is a pure function of (seed, i): its own random stream picks
 * the kind, the owning agency, the county and the time, so the stream can be replayed from
 * the start at any time and never holds more than one record. Three sources share the
 * index space: the scripted cluster (a few fixed slots), the Northern Virginia drone stream
 * (baseline plus the planted surge), and everything else.
 */
import type { RecordKind } from '../modules/records/record-kinds.ts';
import { DEMO_AGENCIES, getDemoAgency } from './agencies.ts';
import { buildKind, newContext, assemble } from './assembly.ts';
import { countyPicker, getCounty, type County } from './geography.ts';
import type { Population } from './people.ts';
import { PLANTED, surgeShare } from './planted.ts';
import { PLANTED_RECORD_COUNT, plantedRecord } from './planted-cluster.ts';
import { Random, WeightedPicker, hashSeed, hashString } from './random.ts';
import { buildSar } from './sar.ts';
import type { TargetSector } from './sar-scenes.ts';
import { SPAN_WEEKS, WEEK_MS, sampleInstant } from './time.ts';
import type { DemoAgency, DemoRecord } from './types.ts';

export type StreamConfig = {
  seed: number;
  records: number;
  referenceMs: number;
  population: Population;
};

/** The mix of a fusion center's holdings: SARs lead, then agency records and tips. */
export const KIND_SHARES: readonly (readonly [RecordKind, number])[] = [
  ['sar', 30],
  ['incident', 25],
  ['field_interview', 15],
  ['tip', 15],
  ['arrest', 7],
  ['intel_report', 5],
  ['cyber_indicator', 3],
];
const KIND_PICKER = new WeightedPicker(KIND_SHARES);

/** How much of each kind an agency of a discipline produces, per unit of its size. */
const KIND_FACTORS: Readonly<Record<string, Partial<Record<RecordKind, number>>>> = {
  law_enforcement: {
    sar: 1,
    incident: 1,
    field_interview: 1,
    arrest: 1,
    tip: 0.3,
    intel_report: 0.15,
  },
  tribal: { sar: 1, incident: 1, field_interview: 1, arrest: 1, tip: 0.2 },
  fusion_center: { sar: 0.5, tip: 3, intel_report: 3, cyber_indicator: 2 },
  federal: { sar: 0.3, tip: 1.5, intel_report: 2, cyber_indicator: 1.5 },
  homeland_security: { sar: 0.2, tip: 0.3, cyber_indicator: 3 },
  fire: { sar: 0.3, incident: 0.4 },
  ems: { sar: 0.2, incident: 0.3 },
  emergency_management: { sar: 0.3 },
  public_health: { sar: 0.4, incident: 0.4, tip: 0.4 },
  corrections: { incident: 1, intel_report: 1.5, tip: 0.2, sar: 0.1 },
  private_sector: { sar: 1.2, cyber_indicator: 1.5 },
};

/** Sizes in thousands of people served; statewide and private agencies get fixed weights. */
const FIXED_SIZES: Readonly<Record<string, number>> = {
  vsp: 900,
  vfc: 400,
  'fbi-jttf': 250,
  'dhs-ia': 120,
  vdh: 250,
  vdem: 80,
  vadoc: 250,
  'cpl-utility': 220,
  'ttr-port': 150,
  'prwa-water': 120,
  'wmata-pd': 150,
  'pamunkey-pd': 25,
};

function sizeOf(agency: DemoAgency): number {
  const fixed = FIXED_SIZES[agency.key];
  if (fixed !== undefined) return fixed;
  return (agency.areaFips ?? []).reduce((sum, f) => sum + getCounty(f).populationK, 0);
}

type Pickers = {
  agencies: Map<RecordKind, WeightedPicker<DemoAgency>>;
  counties: Map<string, WeightedPicker<County>>;
  surgeCounties: WeightedPicker<County>;
};

let pickers: Pickers | undefined;

/** Built once per process: which agency owns a record of each kind, and where they work. */
function getPickers(): Pickers {
  if (pickers) return pickers;
  const agencies = new Map<RecordKind, WeightedPicker<DemoAgency>>();
  for (const [kind] of KIND_SHARES) {
    const weighted = DEMO_AGENCIES.map(
      (a) => [a, sizeOf(a) * (KIND_FACTORS[a.discipline]?.[kind] ?? 0)] as const,
    );
    agencies.set(kind, new WeightedPicker(weighted.filter(([, w]) => w > 0)));
  }
  const counties = new Map(
    DEMO_AGENCIES.map((a) => [a.key, countyPicker(a.areaFips ?? undefined)] as const),
  );
  pickers = { agencies, counties, surgeCounties: countyPicker(PLANTED.surge.countyFips) };
  return pickers;
}

function spanStart(config: StreamConfig): number {
  return config.referenceMs - SPAN_WEEKS * WEEK_MS;
}

function backgroundRecord(config: StreamConfig, index: number, rng: Random): DemoRecord {
  const p = getPickers();
  const kind = KIND_PICKER.pick(rng);
  const agency = p.agencies.get(kind)?.pick(rng) ?? getDemoAgency('vfc');
  const county = p.counties.get(agency.key)?.pick(rng) ?? getCounty('51760');
  const whenMs = sampleInstant(rng, spanStart(config), config.referenceMs);
  const ctx = newContext({ rng, index, population: config.population, agency, county, whenMs });
  return buildKind(ctx, kind);
}

const DRONE_SECTORS: readonly TargetSector[] = [
  'TRANS',
  'ENRG',
  'MASS',
  'GVTBLDG',
  'WATR',
  'IT',
  'DFNSE',
];

/** The local agency for a county in the surge region, or the state police now and then. */
function droneOwner(rng: Random, county: County): DemoAgency {
  const local = DEMO_AGENCIES.find(
    (a) =>
      a.discipline === 'law_enforcement' &&
      a.key !== 'wmata-pd' &&
      a.areaFips?.includes(county.fips),
  );
  return local && rng.chance(0.85) ? local : getDemoAgency(rng.chance(0.5) ? 'vsp' : 'vfc');
}

/** A drone SAR in Northern Virginia: at any time (baseline) or inside the surge window. */
function droneRecord(config: StreamConfig, index: number, rng: Random, surge: boolean): DemoRecord {
  const county = getPickers().surgeCounties.pick(rng);
  const agency = droneOwner(rng, county);
  const surgeFrom = config.referenceMs - PLANTED.surge.startWeeksBeforeReference * WEEK_MS;
  const whenMs = surge
    ? sampleInstant(rng, surgeFrom, surgeFrom + PLANTED.surge.weeks * WEEK_MS)
    : sampleInstant(rng, spanStart(config), config.referenceMs);
  const ctx = newContext({ rng, index, population: config.population, agency, county, whenMs });
  return assemble(
    ctx,
    'sar',
    buildSar(ctx, { behaviour: 'AVIATION', sector: rng.pick(DRONE_SECTORS) }),
  );
}

/** Slots of the scripted cluster, spread evenly through the index space. */
function plantedSlots(records: number): Map<number, number> {
  const slots = new Map<number, number>();
  const count = Math.min(PLANTED_RECORD_COUNT, records);
  for (let j = 0; j < count; j++) slots.set(Math.floor(((j + 0.5) * records) / count), j);
  return slots;
}

const RECORD_STREAM = hashString('record');

function recordAt(config: StreamConfig, index: number, slots: Map<number, number>): DemoRecord {
  const planted = slots.get(index);
  if (planted !== undefined) return plantedRecord(planted, index, config.seed, config.referenceMs);
  const rng = new Random(hashSeed(config.seed, RECORD_STREAM, index));
  const u = rng.next();
  const surge = surgeShare(SPAN_WEEKS);
  if (u < surge) return droneRecord(config, index, rng, true);
  if (u < surge + PLANTED.surge.baselineShare) return droneRecord(config, index, rng, false);
  return backgroundRecord(config, index, rng);
}

/** The whole stream, lazily; each call starts again from record 0 and yields the same records. */
export function* recordStream(config: StreamConfig): Generator<DemoRecord> {
  const slots = plantedSlots(config.records);
  for (let i = 0; i < config.records; i++) yield recordAt(config, i, slots);
}
