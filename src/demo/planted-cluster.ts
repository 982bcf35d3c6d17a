/**
 * Turns the planted script into records: times from the reference date, points drawn near
 * each scene inside its county, markings that keep the cluster findable by the center.
 */
import { HOST_AGENCY_KEY, getDemoAgency } from './agencies.ts';
import { sourceRecordIdFor } from './assembly.ts';
import { chooseMarkings } from './markings.ts';
import { PLANTED } from './planted.ts';
import { AT_NIT, PLANTED_SCRIPT } from './planted-script.ts';
import { Random, hashSeed } from './random.ts';
import { pointNearSite } from './targets.ts';
import { DAY_MS, WEEK_MS, easternOffsetHours, localParts } from './time.ts';
import type { DemoRecord, DemoRecordBody } from './types.ts';

const C = PLANTED.cluster;

export const PLANTED_RECORD_COUNT = PLANTED_SCRIPT.length;

export function plantedRecord(
  j: number,
  index: number,
  seed: number,
  referenceMs: number,
): DemoRecord {
  const s = PLANTED_SCRIPT[j];
  if (!s) throw new Error(`no planted record ${j}`);
  const rng = new Random(hashSeed(seed, 0x91a7, j));
  const agency = getDemoAgency(s.agencyKey);
  const day = referenceMs - C.startWeeksBeforeReference * WEEK_MS + s.day * DAY_MS;
  const localMs = day + (s.at[0] * 60 + s.at[1]) * 60_000;
  const whenMs = localMs + easternOffsetHours(localMs) * 3_600_000;
  const point = pointNearSite(rng, s.near, s.near === AT_NIT ? 0.8 : 0.5);
  const observations = s.observations.map((o) => o[1]);
  const { markings } = chooseMarkings(rng, agency, s.kind, observations);
  // The cluster must be findable: shared in full with partners, never above AMBER, and the
  // port operator's PROPRIETARY reports released to the center and the maritime group.
  const shared = { ...markings, tlp: 'AMBER' as const, partnerShare: 'full' as const };
  const releasableToKeys = markings.caveats.includes('PROPRIETARY')
    ? [HOST_AGENCY_KEY, 'hampton-roads-maritime']
    : [];
  const body = {
    kind: s.kind,
    title: s.title,
    narrative: s.narrative,
    occurredFrom: new Date(whenMs).toISOString(),
    occurredTo: new Date(whenMs + 30 * 60_000).toISOString(),
    location: { lat: point.lat, lon: point.lon, address: s.near.address },
    markings: shared,
    payload: s.payload,
    observations,
  } as DemoRecordBody;
  const record: DemoRecord = {
    agencyKey: agency.key,
    sourceRecordId: sourceRecordIdFor(agency, localParts(whenMs).date.slice(-4), index),
    body,
    releasableToKeys,
    entityKeys: s.observations.map((o) => o[0]),
    countyFips: s.near.countyFips,
  };
  if (s.kind === 'sar' || s.kind === 'tip') record.disposition = 'under_active_investigation';
  return record;
}
