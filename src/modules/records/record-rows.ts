/**
 * The rows a record becomes, built in memory and written by records.writer.ts: the record
 * row, its observations (each first its own entity, carrying the record's date and owner),
 * and the snapshot of a version kept in record_versions.
 */
import { newId } from '../../shared/ids.ts';
import { markingColumns, markingOf, type Marking } from '../../access/markings.ts';
import type { ObservationInput } from '../entities/observation-types.ts';
import { placeColumns } from '../geo/place.ts';
import {
  DEFAULT_INFORMATION_CATEGORY,
  KINDS_WITH_DISPOSITION,
  type InformationCategory,
  type RecordKind,
} from './record-kinds.ts';
import type { records } from './records.table.ts';

/** A record whose content has been validated and its narrative mined, ready to be written. */
export type PreparedRecord = {
  kind: RecordKind;
  title: string;
  narrative: string;
  occurredFrom: Date | null;
  occurredTo: Date | null;
  location: { lat: number; lon: number; address?: string | undefined } | null;
  marking: Marking;
  payload: Record<string, unknown>;
  observations: ObservationInput[];
  ownerAgencyId: string;
  createdByUserId: string;
  source: string;
  sourceRecordId: string | null;
  status: string;
  informationCategory?: InformationCategory | undefined;
  disposition?: string | null | undefined;
  notifyOwnerOnHit?: boolean | undefined;
  /** Set by ingest, so the same row ingested again is recognised as unchanged. */
  contentHash?: string | null | undefined;
};

const INTEL_REVIEW_YEARS = 5; // 28 CFR 23.20(h): review within five years at most (CI-09).

/** A record's rows; `enteredAt` is the first entry's date when a new version replaces it. */
export function toRows(p: PreparedRecord, centerId: string, now: Date, enteredAt: Date = now) {
  const id = newId();
  const intel = p.kind === 'intel_report';
  const record = {
    id,
    originCenterId: centerId,
    version: 1,
    kind: p.kind,
    title: p.title,
    narrative: p.narrative,
    occurredFrom: p.occurredFrom,
    occurredTo: p.occurredTo,
    lat: p.location?.lat ?? null,
    lon: p.location?.lon ?? null,
    address: p.location?.address ?? null,
    ...placeColumns(p.location),
    ownerAgencyId: p.ownerAgencyId,
    createdByUserId: p.createdByUserId,
    source: p.source,
    sourceRecordId: p.sourceRecordId,
    ...markingColumns(p.marking),
    notifyOwnerOnHit: p.notifyOwnerOnHit ?? true,
    status: p.status,
    informationCategory: p.informationCategory ?? DEFAULT_INFORMATION_CATEGORY[p.kind],
    disposition:
      p.disposition ?? (KINDS_WITH_DISPOSITION.includes(p.kind) ? 'undetermined_unresolved' : null),
    enteredAt,
    validatedAt: intel ? now : null,
    reviewDueAt: intel ? addYears(now, INTEL_REVIEW_YEARS) : null,
    payload: p.payload,
    contentHash: p.contentHash ?? null,
    createdAt: now,
    updatedAt: now,
  };
  const of = { id, ownerAgencyId: p.ownerAgencyId, at: recordDate(record) };
  return { record, observations: p.observations.map((o) => observationRow(o, centerId, of, now)) };
}

/** A record's date as search orders by it; its observations carry it (`record_at`). */
export const recordDate = (r: { occurredFrom: Date | null; enteredAt: Date }): Date =>
  r.occurredFrom ?? r.enteredAt;

export type ObservationRow = ReturnType<typeof observationRow>;

/** A new observation of a record, as stored. */
export function observationRow(
  o: ObservationInput,
  centerId: string,
  record: { id: string; ownerAgencyId: string; at: Date },
  now: Date,
) {
  return {
    id: newId(),
    originCenterId: centerId,
    version: 1,
    recordId: record.id,
    recordAt: record.at,
    ownerAgencyId: record.ownerAgencyId,
    // Resolution (a later stage) merges entities; until then each observation is its own.
    entityId: newId(),
    type: o.type,
    role: o.role,
    attributes: o.attributes,
    textStart: o.textStart ?? null,
    textEnd: o.textEnd ?? null,
    createdAt: now,
  };
}

/** The entity each new observation starts as. */
export function firstEntities(obs: readonly ObservationRow[], centerId: string, now: Date) {
  return obs.map((o) => ({
    id: o.entityId,
    originCenterId: centerId,
    type: o.type,
    createdAt: now,
    updatedAt: now,
  }));
}

type RecordInsert = typeof records.$inferInsert;
type ObservationInsert = {
  id: string;
  type: string;
  role: string;
  attributes: Record<string, unknown>;
  textStart: number | null;
  textEnd: number | null;
};

/** The full content of a version, kept in record_versions for history. */
export function snapshotOf(
  r: RecordInsert,
  obs: readonly ObservationInsert[],
): Record<string, unknown> {
  return {
    kind: r.kind,
    title: r.title,
    narrative: r.narrative,
    occurredFrom: r.occurredFrom?.toISOString() ?? null,
    occurredTo: r.occurredTo?.toISOString() ?? null,
    location:
      r.lat != null && r.lon != null
        ? { lat: r.lat, lon: r.lon, address: r.address ?? null }
        : null,
    markings: markingOf(r),
    status: r.status,
    informationCategory: r.informationCategory,
    disposition: r.disposition ?? null,
    notifyOwnerOnHit: r.notifyOwnerOnHit ?? true,
    payload: r.payload,
    observations: obs.map((o) => ({
      id: o.id,
      type: o.type,
      role: o.role,
      attributes: o.attributes,
      textStart: o.textStart,
      textEnd: o.textEnd,
    })),
  };
}

function addYears(d: Date, years: number): Date {
  const copy = new Date(d);
  copy.setUTCFullYear(copy.getUTCFullYear() + years);
  return copy;
}
