import { z } from 'zod';
import { CISA_SECTOR_CODES } from './cisa-sectors.ts';
import { SITE_FILE_FORMATS } from './sites-file.ts';

export const loadSitesBodySchema = z
  .object({
    format: z.enum(SITE_FILE_FORMATS),
    /** The file's text: CSV with a header row, or a GeoJSON FeatureCollection of Points. */
    content: z.string().max(5_000_000),
    /** Also remove every site the file does not name (default: only add and update). */
    replace: z.boolean().default(false),
  })
  .strict();

export const loadSitesResultSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  removed: z.number().int(),
  ids: z.array(z.uuid()),
});

export const siteSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    sector: z.enum(CISA_SECTOR_CODES),
    lat: z.number(),
    lon: z.number(),
    address: z.string().nullable(),
    radiusKm: z.number().nullable(),
    countyFips: z.string().nullable(),
    loadedAt: z.date(),
    version: z.number().int(),
  })
  .meta({ id: 'InfrastructureSite' });

export const siteListSchema = z.object({ items: z.array(siteSchema) });
