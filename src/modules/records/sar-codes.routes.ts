import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  HOW_OBSERVED,
  HOW_OBSERVED_NAMES,
  SAR_BEHAVIOURS,
  TARGET_SECTOR_NAMES,
  TARGET_SECTORS,
} from './sar-codes.ts';
import { sarCodesSchema, type SarCodes } from './sar-codes.schemas.ts';

const PART_2_CAUTION =
  'Part 2 activities are generally First Amendment-protected. Document them only when articulable facts support that the behaviour is not innocent but reasonably indicative of criminal activity associated with terrorism. Race, ethnicity, national origin or religion must not be factors that create suspicion; they may appear only in a physical description.';

const SAR_CODES: SarCodes = {
  behaviours: SAR_BEHAVIOURS.map((b) => ({ ...b })),
  targetSectors: TARGET_SECTORS.map((code) => ({ code, name: TARGET_SECTOR_NAMES[code] })),
  howObserved: HOW_OBSERVED.map((code) => ({ code, name: HOW_OBSERVED_NAMES[code] })),
  part2Caution: PART_2_CAUTION,
};

/**
 * The ISE-SAR code lists for forms (sar-codes.ts), so the web app shows the same 16
 * categories, definitions and sectors the server validates against instead of a copy.
 */
export function sarCodesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/reference/sar-codes',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['reference'], response: { 200: sarCodesSchema } },
    },
    () => SAR_CODES,
  );
}
