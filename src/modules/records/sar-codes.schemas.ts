import { z } from 'zod';
import { HOW_OBSERVED, SAR_BEHAVIOUR_CODES, TARGET_SECTORS } from './sar-codes.ts';

export const sarCodesSchema = z
  .object({
    /** The 16 ISE-SAR behaviour categories (SAR-01), in the Functional Standard's order. */
    behaviours: z.array(
      z.object({
        code: z.enum(SAR_BEHAVIOUR_CODES),
        part: z.union([z.literal(1), z.literal(2)]),
        name: z.string(),
        definition: z.string(),
      }),
    ),
    /** The 34 NIEM target sectors (SAR-02); `name` is null where only the code is settled. */
    targetSectors: z.array(z.object({ code: z.enum(TARGET_SECTORS), name: z.string().nullable() })),
    howObserved: z.array(z.object({ code: z.enum(HOW_OBSERVED), name: z.string() })),
    /** Part 2 categories need articulable facts; this is the Functional Standard's caution. */
    part2Caution: z.string(),
  })
  .meta({ id: 'SarCodes' });
export type SarCodes = z.infer<typeof sarCodesSchema>;
