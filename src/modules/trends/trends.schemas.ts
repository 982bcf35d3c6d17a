import { z } from 'zod';
import { aggregateMarkingSchema } from '../../access/aggregate-marking.ts';
import { isoDateTimeSchema } from '../../shared/time.ts';
import { RECORD_KINDS } from '../records/record-kinds.ts';
import { SAR_BEHAVIOUR_CODES } from '../records/sar-codes.ts';
import { DEFAULT_DETECTION } from './detection.ts';
import { STORED_RESOLUTION } from '../geo/h3.ts';

/** Three years of weeks: a request never makes more than this many points per series. */
export const MAX_WEEKS = 156;
export const MAX_SERIES = 5000;
export const MAX_FLAGS = 1000;

export const SERIES_DIMENSIONS = ['category', 'kind'] as const;
export type SeriesDimension = (typeof SERIES_DIMENSIONS)[number];

export type RegionLevel = { type: 'county' } | { type: 'h3'; resolution: number };

/** `county`, or `h3:<resolution>` with a resolution from 0 to 9 (the stored cells). */
const regionSchema = z
  .string()
  .max(10)
  .transform((s, ctx): RegionLevel => {
    if (s === 'county') return { type: 'county' };
    const h3 = /^h3:(\d)$/.exec(s);
    if (h3 && Number(h3[1]) <= STORED_RESOLUTION) return { type: 'h3', resolution: Number(h3[1]) };
    ctx.addIssue({
      code: 'custom',
      message: `must be county or h3:<resolution> with a resolution from 0 to ${STORED_RESOLUTION}`,
    });
    return z.NEVER;
  });

const dateOrDateTime = z.union([z.iso.date(), isoDateTimeSchema], {
  message: 'must be an ISO 8601 date (2025-03-10) or date-time with offset',
});

export const trendsQuerySchema = z
  .object({
    /** What a series counts: records per SAR behaviour category, or per record kind. */
    series: z.enum(SERIES_DIMENSIONS).default('category'),
    category: z.enum(SAR_BEHAVIOUR_CODES).optional(),
    kind: z.enum(RECORD_KINDS).optional(),
    region: regionSchema.default({ type: 'county' }),
    /** One region only: a county FIPS code, or an H3 cell (hex) at the region's resolution. */
    regionId: z
      .string()
      .regex(/^(\d{5}|[0-9a-f]{15})$/, 'must be a five-digit county FIPS code or an H3 cell')
      .optional(),
    /** Weeks reported: from the week containing `from` to the week before `to` (exclusive). */
    from: dateOrDateTime.optional(),
    to: dateOrDateTime.optional(),
    baselineWeeks: z.coerce.number().int().min(2).max(52).default(DEFAULT_DETECTION.baselineWeeks),
    guardWeeks: z.coerce.number().int().min(0).max(8).default(DEFAULT_DETECTION.guardWeeks),
    fdr: z.coerce.number().min(0.0001).max(0.2).default(DEFAULT_DETECTION.fdr),
    minCount: z.coerce.number().int().min(1).max(1000).default(DEFAULT_DETECTION.minCount),
    /** Only series with at least one flag. */
    flaggedOnly: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    limit: z.coerce.number().int().min(1).max(MAX_SERIES).default(100),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (q.regionId && q.region.type === 'county' && !/^\d{5}$/.test(q.regionId))
      ctx.addIssue({ code: 'custom', path: ['regionId'], message: 'a county is five digits' });
    if (q.regionId && q.region.type === 'h3' && !/^[0-9a-f]{15}$/.test(q.regionId))
      ctx.addIssue({ code: 'custom', path: ['regionId'], message: 'an H3 cell is 15 hex digits' });
    if (q.from && q.to && Date.parse(q.from) >= Date.parse(q.to))
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'must be before to' });
    if (q.from && q.to && Date.parse(q.to) - Date.parse(q.from) > MAX_WEEKS * 7 * 86_400_000)
      ctx.addIssue({ code: 'custom', path: ['from'], message: `at most ${MAX_WEEKS} weeks` });
  });
export type TrendsQuery = z.infer<typeof trendsQuerySchema>;

const regionOutSchema = z.object({
  type: z.enum(['county', 'h3']),
  /** County FIPS, or the H3 cell as hex. */
  id: z.string(),
  /** The county's name; null for H3 cells. */
  name: z.string().nullable(),
  resolution: z.number().int().nullable(),
});

const seriesSchema = z.object({
  /** A SAR behaviour code (series=category) or a record kind (series=kind). */
  key: z.string(),
  region: regionOutSchema,
  /** Records in the reported weeks. */
  total: z.number().int(),
  /** Aligned with `weeks`. */
  counts: z.array(z.number().int()),
  expected: z.array(z.number().nullable()),
  pValues: z.array(z.number().nullable()),
  flaggedWeeks: z.array(z.string()),
});

const flagSchema = z.object({
  week: z.string(),
  key: z.string(),
  region: regionOutSchema,
  count: z.number().int(),
  expected: z.number(),
  pValue: z.number(),
  /** Benjamini–Hochberg adjusted p-value among that week's series. */
  qValue: z.number(),
});

export const trendsResponseSchema = z
  .object({
    weeks: z.array(z.string()),
    /** Weeks with a complete baseline inside the visible history; earlier weeks are not tested. */
    testedFrom: z.string().nullable(),
    series: z.array(seriesSchema),
    /** Series with at least one record in the weeks reported (before `limit`). */
    seriesTotal: z.number().int(),
    truncated: z.boolean(),
    flags: z.array(flagSchema),
    flagsTotal: z.number().int(),
    method: z.object({
      name: z.string(),
      baselineWeeks: z.number().int(),
      guardWeeks: z.number().int(),
      fdr: z.number(),
      minCount: z.number().int(),
      description: z.string(),
    }),
    /** The strictest union of the markings of every record counted (baseline weeks included). */
    marking: aggregateMarkingSchema,
  })
  .meta({ id: 'Trends' });
export type TrendsResponse = z.infer<typeof trendsResponseSchema>;
