/**
 * The geo module owns the map views of records: located records and entities as GeoJSON
 * (RFC 7946), hotspot counts per H3 cell, proximity to a point, a record or a
 * critical-infrastructure site, and the site list itself (sites.service.ts). It reads only
 * what the viewer may see (geo.repository.ts) and audits every read with the ids it returns.
 * It does not compute a record's cell or county (place.ts does, at write) nor trends.
 */
import type { ServiceContext } from '../../shared/context.ts';
import { auditActor } from '../../shared/context.ts';
import { defineError } from '../../shared/errors.ts';
import { appendAudit, type AuditEvent } from '../audit/audit.service.ts';
import type { Tx } from '../../db/client.ts';
import { entityNotFound } from '../entities/entities.service.ts';
import { recordNotFound } from '../records/records.errors.ts';
import { currentEntityId } from '../resolution/evidence.ts';
import { areaOfBox } from './area.ts';
import { createGeoRepository, type PointRow, type Selection } from './geo.repository.ts';
import {
  MAX_FEATURES,
  MAX_HOTSPOT_CELLS,
  type FeaturesQuery,
  type HotspotsQuery,
  type NearQuery,
  type SiteNearQuery,
} from './geo.schemas.ts';
import { cellRing } from './h3.ts';
import { getSite } from './sites.service.ts';
import { resolutionForZoom } from './zoom.ts';

export const recordNotLocated = defineError({
  code: 'geo.record_not_located',
  status: 422,
  title: 'The record has no location',
});

/** Radius of "near a site" when neither the request nor the site gives one. */
export const DEFAULT_SITE_RADIUS_KM = 5;

const date = (s: string | undefined) => (s ? new Date(s) : undefined);
const selectionOf = (q: Pick<FeaturesQuery, 'from' | 'to' | 'kind' | 'category'>): Selection => ({
  window: { from: date(q.from), to: date(q.to) },
  filter: { kind: q.kind, category: q.category },
});

function toFeature<R extends PointRow>(row: R) {
  const { lat, lon, ...properties } = row;
  return {
    type: 'Feature' as const,
    id: row.id,
    geometry: { type: 'Point' as const, coordinates: [lon, lat] as [number, number] },
    properties,
  };
}

function audited<T>(ctx: ServiceContext, read: (tx: Tx) => Promise<[T, AuditEvent]>) {
  return ctx.db.transaction(async (tx) => {
    const [result, event] = await read(tx);
    await appendAudit(tx, auditActor(ctx), [event]);
    return result;
  });
}

/** Visible located records in a box and time window, newest first, at most `limit`. */
export function listRecordFeatures(ctx: ServiceContext, q: FeaturesQuery) {
  return audited(ctx, async (tx) => {
    const rows = await createGeoRepository({ db: tx, viewer: ctx.viewer }).pointsInArea(
      areaOfBox(q.bbox),
      selectionOf(q),
      q.limit,
    );
    const features = rows.slice(0, q.limit).map(toFeature);
    const truncated = rows.length > q.limit;
    return [
      { type: 'FeatureCollection' as const, features, truncated },
      {
        action: 'geo.records',
        objectType: 'record',
        objectIds: features.map((f) => f.id),
        details: { query: q, truncated },
      },
    ];
  });
}

/** Visible records per H3 cell, as cell polygons; the busiest `MAX_HOTSPOT_CELLS` cells. */
export function getHotspots(ctx: ServiceContext, q: HotspotsQuery) {
  const resolution = q.resolution ?? resolutionForZoom(q.zoom ?? 0);
  return audited(ctx, async (tx) => {
    const { cells, marking } = await createGeoRepository({
      db: tx,
      viewer: ctx.viewer,
    }).cellCounts(areaOfBox(q.bbox), selectionOf(q), resolution, MAX_HOTSPOT_CELLS);
    const kept = cells.slice(0, MAX_HOTSPOT_CELLS);
    const truncated = cells.length > MAX_HOTSPOT_CELLS;
    const total = kept.reduce((n, c) => n + c.count, 0);
    const features = kept.map(({ cell, count }) => {
      const id = BigInt(cell).toString(16);
      return {
        type: 'Feature' as const,
        id,
        geometry: { type: 'Polygon' as const, coordinates: [cellRing(cell)] },
        properties: { cell: id, count },
      };
    });
    return [
      { type: 'FeatureCollection' as const, resolution, features, total, truncated, marking },
      {
        action: 'geo.hotspots',
        objectType: 'record',
        details: { query: q, resolution, cells: features.length, records: total, truncated },
      },
    ];
  });
}

/** Visible records within `radiusKm` of a point or of a visible record, nearest first. */
export async function findRecordsNear(ctx: ServiceContext, q: NearQuery) {
  const result = await audited(ctx, async (tx) => {
    const repo = createGeoRepository({ db: tx, viewer: ctx.viewer });
    const from = q.recordId ? await repo.locationOf(q.recordId) : { lat: q.lat, lon: q.lon };
    if (!from) {
      const denied: AuditEvent = {
        action: 'geo.near',
        objectType: 'record',
        objectIds: [q.recordId ?? ''],
        decision: 'deny',
        reason: 'not visible or missing',
      };
      return [undefined, denied];
    }
    if (from.lat === null || from.lon === null || from.lat === undefined || from.lon === undefined)
      throw recordNotLocated();
    const center = { lat: from.lat, lon: from.lon };
    const rows = await repo.pointsNear(
      center,
      q.radiusKm,
      { ...selectionOf(q), ...(q.recordId ? { excludeId: q.recordId } : {}) },
      q.limit,
    );
    const near = nearCollection(center, q.radiusKm, rows, q.limit);
    const ids = near.features.map((f) => f.id);
    return [
      near,
      {
        action: 'geo.near',
        objectType: 'record',
        objectIds: q.recordId ? [q.recordId, ...ids] : ids,
        details: { query: q, truncated: near.truncated },
      },
    ];
  });
  if (!result) throw recordNotFound();
  return result;
}

/** Visible records near a critical-infrastructure site (its radius, or the one asked for). */
export async function findRecordsNearSite(ctx: ServiceContext, siteId: string, q: SiteNearQuery) {
  const site = await getSite(ctx, siteId);
  const radiusKm = q.radiusKm ?? site.radiusKm ?? DEFAULT_SITE_RADIUS_KM;
  return audited(ctx, async (tx) => {
    const center = { lat: site.lat, lon: site.lon };
    const rows = await createGeoRepository({ db: tx, viewer: ctx.viewer }).pointsNear(
      center,
      radiusKm,
      selectionOf(q),
      q.limit,
    );
    const near = { ...nearCollection(center, radiusKm, rows, q.limit), siteId: site.id };
    return [
      near,
      {
        action: 'geo.near_site',
        objectType: 'record',
        objectIds: near.features.map((f) => f.id),
        details: { siteId: site.id, site: site.name, query: q, truncated: near.truncated },
      },
    ];
  });
}

function nearCollection(
  center: { lat: number; lon: number },
  radiusKm: number,
  rows: (PointRow & { distanceKm: number })[],
  limit: number,
) {
  return {
    type: 'FeatureCollection' as const,
    center: { type: 'Point' as const, coordinates: [center.lon, center.lat] as [number, number] },
    radiusKm,
    features: rows.slice(0, limit).map((r) => toFeature(r)),
    truncated: rows.length > limit,
  };
}

/** Where an entity was seen: its visible observations with a point (merges followed). */
export async function getEntityFeatures(ctx: ServiceContext, requestedId: string) {
  const result = await audited(ctx, async (tx) => {
    const id = await currentEntityId(tx, requestedId);
    const repo = createGeoRepository({ db: tx, viewer: ctx.viewer });
    const rows = await repo.entityPoints(id, MAX_FEATURES);
    if (rows.length === 0) {
      const denied: AuditEvent = {
        action: 'geo.entity',
        objectType: 'entity',
        objectIds: [...new Set([requestedId, id])],
        decision: 'deny',
        reason: 'not visible or missing',
      };
      return [undefined, denied];
    }
    const features = rows.slice(0, MAX_FEATURES).flatMap(({ lat, lon, type: _t, ...p }) =>
      lat === null || lon === null
        ? []
        : [
            {
              type: 'Feature' as const,
              id: p.observationId,
              geometry: { type: 'Point' as const, coordinates: [lon, lat] as [number, number] },
              properties: p,
            },
          ],
    );
    const recordIds = [...new Set(rows.map((r) => r.recordId))];
    const out = {
      type: 'FeatureCollection' as const,
      entityId: id,
      entityType: rows[0]!.type,
      features,
      truncated: rows.length > MAX_FEATURES,
    };
    return [out, { action: 'geo.entity', objectType: 'entity', objectIds: [id, ...recordIds] }];
  });
  if (!result) throw entityNotFound();
  return result;
}
