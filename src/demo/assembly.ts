/**
 * Puts the common parts around a kind-specific draft: owner, source record id, when and
 * where, markings, the observations and their ground truth. Background records, the trend
 * stream and the planted cluster all go through here, so every record has the same shape.
 */
import { DISPOSITIONS, type RecordKind } from '../modules/records/record-kinds.ts';
import { formatAddress, makeAddress, streetLine, type AddressParts } from './addresses.ts';
import { buildArrest, buildFieldInterview, buildIncident } from './agency-records.ts';
import type { RecordDraft } from './drafts.ts';
import { samplePointIn, type County, type GeoPoint } from './geography.ts';
import { buildCyberIndicator } from './cyber-records.ts';
import { buildIntelReport, buildTip } from './intel-records.ts';
import { chooseMarkings } from './markings.ts';
import type { RecordContext } from './mentions.ts';
import type { Population } from './people.ts';
import { HIGHWAYS_BY_REGION } from './places.ts';
import { WeightedPicker, type Random } from './random.ts';
import { buildSar } from './sar.ts';
import { localParts } from './time.ts';
import type { DemoAgency, DemoRecord, DemoRecordBody, Disposition } from './types.ts';

export const KIND_BUILDERS: { [K in RecordKind]: (ctx: RecordContext) => RecordDraft<K> } = {
  sar: (ctx) => buildSar(ctx),
  incident: buildIncident,
  field_interview: buildFieldInterview,
  arrest: buildArrest,
  tip: buildTip,
  intel_report: buildIntelReport,
  cyber_indicator: buildCyberIndicator,
};

const DISPOSITION_PICKER = new WeightedPicker<Disposition>([
  [DISPOSITIONS[0], 60],
  [DISPOSITIONS[1], 20],
  [DISPOSITIONS[2], 10],
  [DISPOSITIONS[3], 10],
]);

export type ContextInput = {
  rng: Random;
  index: number;
  population: Population;
  agency: DemoAgency;
  county: County;
  whenMs: number;
  point?: GeoPoint;
  address?: AddressParts;
};

/** Source record ids read like an RMS number: owner ORI (or code), year, sequence. */
export function sourceRecordIdFor(agency: DemoAgency, year: string, index: number): string {
  return `${agency.recordPrefix}-${year}-${String(index + 1).padStart(6, '0')}`;
}

export function newContext(input: ContextInput): RecordContext {
  const { rng, agency, county, whenMs } = input;
  const when = localParts(whenMs);
  return {
    rng,
    sourceRecordId: sourceRecordIdFor(agency, when.date.slice(-4), input.index),
    population: input.population,
    agency,
    county,
    region: county.region,
    point: input.point ?? samplePointIn(rng, county),
    address: input.address ?? makeAddress(rng, county.fips),
    whenMs,
    when,
    highway: rng.pick(HIGHWAYS_BY_REGION[county.region]),
    mentions: [],
  };
}

/** Every record observes something; when a builder named nothing, it observed the place. */
function ensureObservation(ctx: RecordContext, point: GeoPoint): void {
  if (ctx.mentions.length > 0) return;
  const a = ctx.address;
  ctx.mentions.push({
    observation: {
      type: 'location',
      role: 'mentioned',
      attributes: {
        address: { street: streetLine(a), city: a.city, state: 'VA', postcode: a.zip },
        lat: point.lat,
        lon: point.lon,
      },
    },
    entityKey: `location:${ctx.sourceRecordId}`,
  });
}

export function assemble<K extends RecordKind>(
  ctx: RecordContext,
  kind: K,
  draft: RecordDraft<K>,
): DemoRecord {
  const point = draft.point ?? ctx.point;
  ensureObservation(ctx, point);
  const observations = ctx.mentions.map((m) => m.observation);
  const { markings, releasableToKeys } = chooseMarkings(ctx.rng, ctx.agency, kind, observations);
  const body = {
    kind,
    title: draft.title.length > 200 ? `${draft.title.slice(0, 197)}...` : draft.title,
    narrative: draft.narrative,
    occurredFrom: new Date(ctx.whenMs).toISOString(),
    occurredTo: new Date(ctx.whenMs + draft.durationMinutes * 60_000).toISOString(),
    location: {
      lat: point.lat,
      lon: point.lon,
      address: draft.address ?? formatAddress(ctx.address),
    },
    markings,
    payload: draft.payload,
    observations,
  } as DemoRecordBody;
  const record: DemoRecord = {
    agencyKey: ctx.agency.key,
    sourceRecordId: ctx.sourceRecordId,
    body,
    releasableToKeys,
    entityKeys: ctx.mentions.map((m) => m.entityKey),
    countyFips: ctx.county.fips,
  };
  if (kind === 'sar' || kind === 'tip') record.disposition = DISPOSITION_PICKER.pick(ctx.rng);
  return record;
}

export function buildKind(ctx: RecordContext, kind: RecordKind): DemoRecord {
  return assemble(ctx, kind, KIND_BUILDERS[kind](ctx));
}
