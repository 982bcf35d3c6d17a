/**
 * The stored marking bits (SQL `record_marking_bits`, migration 0018) and their reading here
 * agree: for any TLP and set of caveats, and for any mix of records rolled up with bit_or, the
 * aggregate marking is the strictest TLP and the union of the caveats.
 */
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { queryRows } from '../db/raw.ts';
import { createTestDatabase, describeEachDatabase } from '../db/test-db.ts';
import { toAggregateMarking } from './aggregate-marking.ts';
import { CAVEATS, TLP_LEVELS, type Tlp } from './markings.ts';

const marking = fc.record({
  tlp: fc.constantFrom(...TLP_LEVELS),
  caveats: fc.uniqueArray(fc.constantFrom(...CAVEATS)),
});

describeEachDatabase('aggregate marking bits', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.close());

  it('the bit_or of any records’ stored bits reads back as their strictest TLP and every caveat', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(marking, { minLength: 1, maxLength: 6 }), async (markings) => {
        const [row] = await queryRows<{ marking_bits: number }>(
          database.db,
          sql`select bit_or(public.record_marking_bits(m.tlp, m.caveats)) as marking_bits
              from jsonb_to_recordset(${JSON.stringify(markings)}::jsonb)
                as m(tlp text, caveats text[])`,
        );
        const read = toAggregateMarking({ ...row!, own_agency_only: true });
        const strictest = TLP_LEVELS[Math.max(...markings.map((m) => TLP_LEVELS.indexOf(m.tlp)))];
        const union = [...new Set(markings.flatMap((m) => m.caveats))].sort();
        expect(read).toEqual({
          tlp: strictest as Tlp,
          caveats: union,
          ownAgencyOnly: true,
        });
      }),
      { numRuns: 200 },
    );
  });

  it('nothing counted is no marking at all', () => {
    expect(toAggregateMarking({ marking_bits: null, own_agency_only: null })).toBeNull();
  });
});
