import { z } from 'zod';
import { CAVEATS, TLP_LEVELS } from '../../access/markings.ts';
import { isoDateTimeSchema } from '../../shared/time.ts';
import { countyName } from '../geo/counties.ts';
import { RECORD_KINDS } from '../records/record-kinds.ts';
import { RECORD_STATUSES } from '../records/records.schemas.ts';
import { SAR_BEHAVIOUR_CODES, TARGET_SECTORS } from '../records/sar-codes.ts';

/** Longest search text accepted; longer is a 400, not a silent cut. */
export const MAX_QUERY_LENGTH = 500;
export const MAX_POLYGON_POINTS = 500;
export const MAX_RADIUS_KM = 500;
export const SEARCH_SORTS = ['relevance', 'date'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

const lat = z.number().min(-90).max(90);
const lon = z.number().min(-180).max(180);
const list = <T extends z.ZodType>(item: T, max: number) => z.array(item).min(1).max(max);
const countyFips = z
  .string()
  .regex(/^\d{5}$/, 'must be a five-digit county FIPS code')
  .refine((f) => countyName(f) !== undefined, 'no US county has this FIPS code');

const kinds = list(z.enum(RECORD_KINDS), RECORD_KINDS.length);
const agencyIds = list(z.uuid(), 100);
const categories = list(z.enum(SAR_BEHAVIOUR_CODES), SAR_BEHAVIOUR_CODES.length);
const sectors = list(z.enum(TARGET_SECTORS), TARGET_SECTORS.length);
const statuses = list(z.enum(RECORD_STATUSES), RECORD_STATUSES.length);
const tlps = list(z.enum(TLP_LEVELS), TLP_LEVELS.length);
const caveats = list(z.enum(CAVEATS), CAVEATS.length);
const counties = list(countyFips, 200);

/** [west, south, east, north] (RFC 7946); west > east crosses the antimeridian. */
export const bboxSchema = z
  .tuple([lon, lat, lon, lat])
  .refine(([, south, , north]) => south <= north, 'south must not be north of north');

export const polygonSchema = z
  .array(z.tuple([lon, lat]))
  .min(3, 'a polygon needs at least 3 points')
  .max(MAX_POLYGON_POINTS);

const fromBeforeTo = (s: { from?: string | undefined; to?: string | undefined }) =>
  !s.from || !s.to || new Date(s.from) < new Date(s.to);
const fromBeforeToIssue = { message: 'from must be before to', path: ['to'] };

/**
 * A search as the service takes it and a saved search stores it: the text and every
 * filter, in JSON types. The HTTP query string is parsed into this shape.
 */
export const searchInputSchema = z
  .object({
    q: z.string().trim().max(MAX_QUERY_LENGTH).optional(),
    kind: kinds.optional(),
    agency: agencyIds.optional(),
    category: categories.optional(),
    sector: sectors.optional(),
    status: statuses.optional(),
    tlp: tlps.optional(),
    caveat: caveats.optional(),
    from: isoDateTimeSchema.optional(),
    to: isoDateTimeSchema.optional(),
    bbox: bboxSchema.optional(),
    near: z.object({ lat, lon, radiusKm: z.number().positive().max(MAX_RADIUS_KM) }).optional(),
    polygon: polygonSchema.optional(),
    county: counties.optional(),
    entity: z.uuid().optional(),
    sort: z.enum(SEARCH_SORTS).optional(),
  })
  .strict()
  .refine(fromBeforeTo, fromBeforeToIssue);
export type SearchInput = z.infer<typeof searchInputSchema>;

// --- the query string -------------------------------------------------------------------

/** `a,b` or a repeated key (`?kind=a&kind=b`): both give ['a', 'b']. */
const csv = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()));
const numbers = (s: string) => s.split(',').map((n) => (n.trim() === '' ? NaN : Number(n)));

export const searchQueryStringSchema = z
  .object({
    q: z.string().trim().max(MAX_QUERY_LENGTH).optional(),
    kind: csv.pipe(kinds).optional(),
    agency: csv.pipe(agencyIds).optional(),
    category: csv.pipe(categories).optional(),
    sector: csv.pipe(sectors).optional(),
    status: csv.pipe(statuses).optional(),
    tlp: csv.pipe(tlps).optional(),
    caveat: csv.pipe(caveats).optional(),
    county: csv.pipe(counties).optional(),
    from: isoDateTimeSchema.optional(),
    to: isoDateTimeSchema.optional(),
    /** west,south,east,north */
    bbox: z.string().max(200).transform(numbers).pipe(bboxSchema).optional(),
    /** lat,lon — with radiusKm */
    near: z
      .string()
      .max(100)
      .transform(numbers)
      .pipe(z.tuple([lat, lon]))
      .optional(),
    radiusKm: z.coerce.number().positive().max(MAX_RADIUS_KM).optional(),
    /** lon,lat;lon,lat;lon,lat… */
    polygon: z
      .string()
      .max(MAX_POLYGON_POINTS * 50)
      .transform((s) => s.split(';').map(numbers))
      .pipe(polygonSchema)
      .optional(),
    entity: z.uuid().optional(),
    sort: z.enum(SEARCH_SORTS).optional(),
    cursor: z.string().max(500).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict()
  .refine((s) => (s.near === undefined) === (s.radiusKm === undefined), {
    message: 'near and radiusKm go together',
    path: ['radiusKm'],
  })
  .refine(fromBeforeTo, fromBeforeToIssue);
export type SearchQueryString = z.infer<typeof searchQueryStringSchema>;

export const pageOptionsSchema = z
  .object({
    cursor: z.string().max(500).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export type PageOptions = z.infer<typeof pageOptionsSchema>;

/** The query string without paging, in the service's shape (validated once more there). */
export function inputOfQueryString(qs: SearchQueryString): SearchInput {
  const { cursor: _c, limit: _l, near, radiusKm, ...rest } = qs;
  return {
    ...rest,
    ...(near && radiusKm !== undefined ? { near: { lat: near[0], lon: near[1], radiusKm } } : {}),
  };
}

// --- results ----------------------------------------------------------------------------

const agencyRef = z.object({ id: z.uuid(), name: z.string() });

export const MATCHED_ON = ['words', 'names'] as const;

export const searchHitSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(RECORD_KINDS),
    title: z.string(),
    /** Narrative excerpt, HTML-escaped, matched words inside <mark>…</mark> (docs/search.md). */
    snippet: z.string(),
    occurredFrom: z.date().nullable(),
    enteredAt: z.date(),
    ownerAgency: agencyRef,
    /** False for other agencies' records: "verify with the owning agency before use" (XS-05). */
    isOwnAgency: z.boolean(),
    status: z.string(),
    markings: z.object({ tlp: z.enum(TLP_LEVELS), caveats: z.array(z.enum(CAVEATS)) }),
    location: z.object({ lat: z.number(), lon: z.number() }).nullable(),
    countyFips: z.string().nullable(),
    score: z.number(),
    matchedOn: z.array(z.enum(MATCHED_ON)),
  })
  .meta({ id: 'SearchHit' });

const bucket = z.object({ key: z.string(), label: z.string().optional(), count: z.number().int() });

export const searchFacetsSchema = z
  .object({
    kind: z.array(bucket),
    agency: z.array(bucket),
    category: z.array(bucket),
    sector: z.array(bucket),
    month: z.array(bucket),
  })
  .meta({ id: 'SearchFacets' });

/** XS-02: nothing but these fields (a test holds the serialised pointer to them). */
export const searchPointerSchema = z
  .object({
    matchType: z.enum(['name', 'identifier']),
    entityType: z.string(),
    ownerAgency: agencyRef,
    pointOfContact: z
      .object({ name: z.string(), phone: z.string().optional(), email: z.string().optional() })
      .nullable(),
    recordDate: z.string(),
    matchStrength: z.enum(['exact', 'similar', 'partial']),
    /** XS-03: the owner was told someone searched for this (false where the owner opted out). */
    ownerNotified: z.boolean(),
  })
  .meta({ id: 'SearchPointer' });

export const searchResultSchema = z
  .object({
    items: z.array(searchHitSchema),
    nextCursor: z.string().nullable(),
    /** First page only. `capped`: more matched than the window counted (docs/search.md). */
    total: z.object({ count: z.number().int(), capped: z.boolean() }).nullable(),
    facets: searchFacetsSchema.nullable(),
    pointers: z.array(searchPointerSchema),
  })
  .meta({ id: 'SearchResult' });
export type SearchResult = z.infer<typeof searchResultSchema>;
