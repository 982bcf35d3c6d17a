import { z } from 'zod';
import { isoDateTimeSchema } from '../../shared/time.ts';
import { aggregateMarkingSchema } from '../../access/aggregate-marking.ts';
import { TLP_LEVELS, CAVEATS } from '../../access/markings.ts';
import { RECORD_KINDS } from '../records/record-kinds.ts';
import { SAR_BEHAVIOUR_CODES } from '../records/sar-codes.ts';
import { OBSERVATION_ROLES, OBSERVATION_TYPES } from '../entities/observation-types.ts';
import type { BoundingBox } from './area.ts';
import { STORED_RESOLUTION } from './h3.ts';
import { MAX_ZOOM } from './zoom.ts';

/** Larger radii turn a proximity question into a state-wide listing: use a bbox instead. */
export const MAX_RADIUS_KM = 500;
export const MAX_FEATURES = 5000;
export const MAX_HOTSPOT_CELLS = 10_000;

const number = (s: string) => (/^\s*$/.test(s) ? Number.NaN : Number(s));

/** `west,south,east,north` in degrees (RFC 7946 5); west > east crosses the antimeridian. */
export const bboxSchema = z
  .string()
  .max(200)
  .transform((s, ctx): BoundingBox => {
    const parts = s.split(',').map(number);
    const [w = NaN, so = NaN, e = NaN, n = NaN] = parts;
    const problem =
      parts.length !== 4 || parts.some((p) => !Number.isFinite(p))
        ? 'must be four numbers: west,south,east,north'
        : Math.abs(w) > 180 || Math.abs(e) > 180
          ? 'longitudes must be between -180 and 180'
          : Math.abs(so) > 90 || Math.abs(n) > 90
            ? 'latitudes must be between -90 and 90'
            : so > n
              ? 'south must not be north of north'
              : undefined;
    if (problem) {
      ctx.addIssue({ code: 'custom', message: problem });
      return z.NEVER;
    }
    return [w, so, e, n];
  });

const windowShape = {
  from: isoDateTimeSchema.optional(),
  to: isoDateTimeSchema.optional(),
};
const filterShape = {
  kind: z.enum(RECORD_KINDS).optional(),
  category: z.enum(SAR_BEHAVIOUR_CODES).optional(),
};

type Windowed = { from?: string | undefined; to?: string | undefined };
/** from ≤ to, or 400 naming `from`. */
export function checkWindow(q: Windowed, ctx: z.RefinementCtx) {
  if (q.from && q.to && new Date(q.from) > new Date(q.to))
    ctx.addIssue({ code: 'custom', path: ['from'], message: 'must not be after to' });
}

export const featuresQuerySchema = z
  .object({
    bbox: bboxSchema,
    ...windowShape,
    ...filterShape,
    limit: z.coerce.number().int().min(1).max(MAX_FEATURES).default(1000),
  })
  .strict()
  .superRefine(checkWindow);
export type FeaturesQuery = z.infer<typeof featuresQuerySchema>;

export const hotspotsQuerySchema = z
  .object({
    bbox: bboxSchema,
    ...windowShape,
    category: filterShape.category,
    kind: filterShape.kind,
    /** H3 resolution 0…9; or give `zoom` and the table in zoom.ts picks it. */
    resolution: z.coerce.number().int().min(0).max(STORED_RESOLUTION).optional(),
    zoom: z.coerce.number().min(0).max(MAX_ZOOM).optional(),
  })
  .strict()
  .superRefine(checkWindow)
  .superRefine((q, ctx) => {
    if ((q.resolution === undefined) === (q.zoom === undefined))
      ctx.addIssue({
        code: 'custom',
        path: ['resolution'],
        message: 'give either resolution or zoom (exactly one)',
      });
  });
export type HotspotsQuery = z.infer<typeof hotspotsQuerySchema>;

export const nearQuerySchema = z
  .object({
    lat: z.coerce.number().min(-90).max(90).optional(),
    lon: z.coerce.number().min(-180).max(180).optional(),
    recordId: z.uuid().optional(),
    radiusKm: z.coerce.number().gt(0).max(MAX_RADIUS_KM),
    ...windowShape,
    ...filterShape,
    limit: z.coerce.number().int().min(1).max(MAX_FEATURES).default(500),
  })
  .strict()
  .superRefine(checkWindow)
  .superRefine((q, ctx) => {
    const point = q.lat !== undefined || q.lon !== undefined;
    if (point === (q.recordId !== undefined))
      ctx.addIssue({
        code: 'custom',
        path: ['recordId'],
        message: 'give either lat and lon, or recordId (exactly one)',
      });
    else if (point && (q.lat === undefined || q.lon === undefined))
      ctx.addIssue({
        code: 'custom',
        path: [q.lat === undefined ? 'lat' : 'lon'],
        message: 'lat and lon go together',
      });
  });
export type NearQuery = z.infer<typeof nearQuerySchema>;

export const siteNearQuerySchema = z
  .object({
    /** Defaults to the site's own radius, or 5 km. */
    radiusKm: z.coerce.number().gt(0).max(MAX_RADIUS_KM).optional(),
    ...windowShape,
    ...filterShape,
    limit: z.coerce.number().int().min(1).max(MAX_FEATURES).default(500),
  })
  .strict()
  .superRefine(checkWindow);
export type SiteNearQuery = z.infer<typeof siteNearQuerySchema>;

// ---- GeoJSON output (RFC 7946) ----

const position = z.tuple([z.number(), z.number()]);
export const pointSchema = z.object({ type: z.literal('Point'), coordinates: position });
const polygonSchema = z.object({
  type: z.literal('Polygon'),
  coordinates: z.array(z.array(position)),
});

/** What a map shows of a located record (no narrative: open the record for that). */
const recordPropertiesSchema = z.object({
  id: z.uuid(),
  kind: z.enum(RECORD_KINDS),
  title: z.string(),
  occurredFrom: z.date().nullable(),
  occurredTo: z.date().nullable(),
  address: z.string().nullable(),
  countyFips: z.string().nullable(),
  ownerAgencyId: z.uuid(),
  ownerAgencyName: z.string(),
  tlp: z.enum(TLP_LEVELS),
  caveats: z.array(z.enum(CAVEATS)),
  status: z.string(),
  behaviours: z.array(z.string()),
});

const recordFeatureSchema = z.object({
  type: z.literal('Feature'),
  id: z.uuid(),
  geometry: pointSchema,
  properties: recordPropertiesSchema,
});

export const recordFeatureCollectionSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(recordFeatureSchema),
    /** True when more records matched than `limit`: zoom in or narrow the window. */
    truncated: z.boolean(),
  })
  .meta({ id: 'RecordFeatureCollection' });

export const nearFeatureCollectionSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    center: pointSchema,
    radiusKm: z.number(),
    features: z.array(
      recordFeatureSchema.extend({
        properties: recordPropertiesSchema.extend({ distanceKm: z.number() }),
      }),
    ),
    truncated: z.boolean(),
  })
  .meta({ id: 'NearFeatureCollection' });

export const entityFeatureCollectionSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    entityId: z.uuid(),
    entityType: z.enum(OBSERVATION_TYPES),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        id: z.uuid(),
        geometry: pointSchema,
        properties: z.object({
          observationId: z.uuid(),
          recordId: z.uuid(),
          role: z.enum(OBSERVATION_ROLES),
          /** `observation`: coordinates the observation itself gave; `record`: where the record happened. */
          pointFrom: z.enum(['observation', 'record']),
          kind: z.enum(RECORD_KINDS),
          title: z.string(),
          occurredFrom: z.date().nullable(),
          ownerAgencyId: z.uuid(),
          ownerAgencyName: z.string(),
        }),
      }),
    ),
    truncated: z.boolean(),
  })
  .meta({ id: 'EntityFeatureCollection' });

export const hotspotCollectionSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    resolution: z.number().int(),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        id: z.string(),
        geometry: polygonSchema,
        properties: z.object({ cell: z.string(), count: z.number().int() }),
      }),
    ),
    /** Records counted in all returned cells. */
    total: z.number().int(),
    truncated: z.boolean(),
    /** The strictest union of the counted records' markings (a foreign member, RFC 7946 6.1). */
    marking: aggregateMarkingSchema,
  })
  .meta({ id: 'HotspotCollection' });
