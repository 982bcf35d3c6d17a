/**
 * Reads a critical-infrastructure site list from CSV (a header row: name, sector, lat, lon,
 * address, radius_km) or GeoJSON (a FeatureCollection of Points with the same properties).
 * Every problem is collected with where it is — CSV line or feature index, and field — so an
 * administrator fixes the whole file in one pass; the caller loads nothing unless all is well.
 */
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { CISA_SECTOR_CODES, toCisaSector, type CisaSector } from './cisa-sectors.ts';
import { MAX_RADIUS_KM } from './geo.schemas.ts';

export const SITE_FILE_FORMATS = ['csv', 'geojson'] as const;
export type SiteFileFormat = (typeof SITE_FILE_FORMATS)[number];
export const MAX_SITES_PER_FILE = 10_000;

export type SiteInput = {
  name: string;
  sector: CisaSector;
  lat: number;
  lon: number;
  address: string | null;
  radiusKm: number | null;
};

/** Where a problem is: `line` (CSV, 1-based, the header is line 1) or `feature` (GeoJSON, 0-based). */
export type SiteFileError = {
  path: string;
  message: string;
  line?: number;
  feature?: number;
  field?: string;
};

const FIELD_ALIASES: Record<string, keyof SiteInput> = {
  name: 'name',
  sector: 'sector',
  lat: 'lat',
  latitude: 'lat',
  lon: 'lon',
  lng: 'lon',
  longitude: 'lon',
  address: 'address',
  radius_km: 'radiusKm',
  radiuskm: 'radiusKm',
};

const num = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v),
  z.number({ message: 'must be a number' }),
);
const optionalText = z.preprocess(
  (v) => (v === '' || v === null ? undefined : v),
  z.string().trim().max(500).optional(),
);
const siteSchema = z.object({
  name: z.string({ message: 'required' }).trim().min(1, 'required').max(200),
  sector: z
    .string({ message: 'required' })
    .transform((s, ctx) => toCisaSector(s) ?? invalidSector(ctx)),
  lat: num.pipe(z.number().min(-90).max(90)),
  lon: num.pipe(z.number().min(-180).max(180)),
  address: optionalText.transform((v) => v ?? null),
  radiusKm: z
    .preprocess((v) => (v === '' || v === null ? undefined : v), num.optional())
    .pipe(z.number().gt(0).max(MAX_RADIUS_KM).optional())
    .transform((v) => v ?? null),
});

function invalidSector(ctx: z.RefinementCtx): never {
  ctx.addIssue({
    code: 'custom',
    message: `is not a CISA sector (${CISA_SECTOR_CODES.join(', ')}) or a NIEM target sector code that maps to one`,
  });
  return z.NEVER;
}

type Located = { at: (field: string) => Omit<SiteFileError, 'message'> };

function validateSite(raw: Record<string, unknown>, where: Located, errors: SiteFileError[]) {
  const parsed = siteSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues)
    errors.push({ ...where.at(String(issue.path[0] ?? '')), message: issue.message });
  return undefined;
}

export function readSitesFile(
  format: SiteFileFormat,
  content: string,
): { sites: SiteInput[]; errors: SiteFileError[] } {
  const result = format === 'csv' ? readCsv(content) : readGeoJson(content);
  if (result.errors.length === 0) result.errors.push(...duplicateNames(result.located));
  if (result.located.length > MAX_SITES_PER_FILE)
    result.errors.push({ path: 'content', message: `more than ${MAX_SITES_PER_FILE} sites` });
  return { sites: result.located.map((l) => l.site), errors: result.errors };
}

type Read = { located: { site: SiteInput; where: Located }[]; errors: SiteFileError[] };

function readCsv(content: string): Read {
  const errors: SiteFileError[] = [];
  type Row = { record: Record<string, string>; info: { lines: number } };
  let rows: Row[];
  try {
    rows = parse<Row>(content, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      bom: true,
      skip_empty_lines: true,
      info: true,
    });
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    return {
      located: [],
      errors: [{ path: `line.${line ?? 1}`, line, message: (err as Error).message }],
    };
  }
  const header = Object.keys(rows[0]?.record ?? {});
  for (const h of header)
    if (!(h in FIELD_ALIASES))
      errors.push({ path: `line.1.${h}`, line: 1, field: h, message: 'unknown column' });
  const located: Read['located'] = [];
  for (const { record, info } of rows) {
    const raw: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(record)) if (FIELD_ALIASES[k]) raw[FIELD_ALIASES[k]] = v;
    const line = info.lines;
    const where = { at: (field: string) => ({ path: `line.${line}.${field}`, line, field }) };
    const site = validateSite(raw, where, errors);
    if (site) located.push({ site, where });
  }
  return { located, errors };
}

function readGeoJson(content: string): Read {
  let doc: unknown;
  try {
    doc = JSON.parse(content);
  } catch (err) {
    return { located: [], errors: [{ path: 'content', message: (err as Error).message }] };
  }
  const collection = z
    .object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) })
    .safeParse(doc);
  if (!collection.success)
    return {
      located: [],
      errors: [{ path: 'content', message: 'must be a GeoJSON FeatureCollection' }],
    };
  const errors: SiteFileError[] = [];
  const located: Read['located'] = [];
  collection.data.features.forEach((f, i) => {
    const at = (field: string) => ({
      path: `features.${i}.${field === 'lat' || field === 'lon' ? 'geometry' : `properties.${field}`}`,
      feature: i,
      field,
    });
    const point = z
      .object({
        type: z.literal('Feature'),
        geometry: z.object({
          type: z.literal('Point'),
          coordinates: z.tuple([z.number(), z.number()]).rest(z.number()),
        }),
        properties: z.record(z.string(), z.unknown()).nullable(),
      })
      .safeParse(f);
    if (!point.success) {
      errors.push({ ...at('geometry'), path: `features.${i}`, message: 'must be a Point Feature' });
      return;
    }
    const [lon, lat] = point.data.geometry.coordinates;
    const raw: Record<string, unknown> = { lat, lon };
    for (const [k, v] of Object.entries(point.data.properties ?? {})) {
      const field = FIELD_ALIASES[k.toLowerCase()];
      if (field && field !== 'lat' && field !== 'lon') raw[field] = v;
    }
    const site = validateSite(raw, { at }, errors);
    if (site) located.push({ site, where: { at } });
  });
  return { located, errors };
}

function duplicateNames(located: Read['located']): SiteFileError[] {
  const seen = new Set<string>();
  const errors: SiteFileError[] = [];
  for (const { site, where } of located) {
    if (seen.has(site.name))
      errors.push({ ...where.at('name'), message: `'${site.name}' appears more than once` });
    seen.add(site.name);
  }
  return errors;
}
