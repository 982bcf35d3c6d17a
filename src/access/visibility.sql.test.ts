/**
 * The SQL that `visibleTo` builds, as inline snapshots: a change to it changes who sees what,
 * so it shows up in review. That this SQL agrees with `canView` is proved in
 * visibility.property.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { PgDialect } from 'drizzle-orm/pg-core';
import { records } from '../modules/records/records.table.ts';
import { visibleTo } from './visibility.ts';
import { buildViewer, personas } from './visibility.test-helpers.ts';

const OWNER = '01900000-0000-7000-8000-00000000000a';
const GROUP = '01900000-0000-7000-8000-0000000000f1';

describe('visibleTo SQL text', () => {
  const dialect = new PgDialect();
  const fixed = buildViewer({
    userId: '01900000-0000-7000-8000-000000000001',
    agencyId: OWNER,
    sharingGroupIds: [GROUP],
    attributes: {
      lawEnforcement: true,
      cfr23Trained: true,
      piiAccess: true,
      healthAccess: false,
      nsiTrainedAnalyst: null,
    },
    purpose: 'case 24-0117',
  });

  it('for an analyst (a change here changes who sees what: review it)', () => {
    expect(dialect.sqlToQuery(visibleTo(fixed, records))).toMatchInlineSnapshot(`
      {
        "params": [
          "01900000-0000-7000-8000-00000000000a",
          "{01900000-0000-7000-8000-00000000000a,01900000-0000-7000-8000-0000000000f1}",
          "01900000-0000-7000-8000-00000000000a",
          "01900000-0000-7000-8000-00000000000a",
          "01900000-0000-7000-8000-00000000000a",
          "{"LES","CRIMINAL_INTEL","PII","SPECIAL_STATUS","PROPRIETARY"}",
          "01900000-0000-7000-8000-00000000000a",
          "01900000-0000-7000-8000-00000000000a",
        ],
        "sql": "(("records"."owner_agency_id" = $1::uuid or ("records"."partner_share" = 'full' and (cardinality("records"."releasable_to") = 0 or "records"."releasable_to" && $2::uuid[]))) and ("records"."tlp" in ('CLEAR', 'GREEN', 'AMBER') or ("records"."tlp" = 'AMBER+STRICT' and "records"."owner_agency_id" = $3::uuid) or ("records"."tlp" = 'RED' and ("records"."owner_agency_id" = $4::uuid or $5::uuid = any("records"."releasable_to")))) and ("records"."caveats" <@ $6::text[] and (not ('PROPRIETARY' = any("records"."caveats")) or "records"."owner_agency_id" = $7::uuid or $8::uuid = any("records"."releasable_to"))))",
        "typings": [
          "none",
          "none",
          "none",
          "none",
          "none",
          "none",
          "none",
          "none",
        ],
      }
    `);
  });

  it('for a partner-only private-sector user', () => {
    const partner = { ...fixed, roles: ['partner' as const], agencyLevel: 'private' as const };
    expect(dialect.sqlToQuery(visibleTo(partner, records))).toMatchInlineSnapshot(`
      {
        "params": [
          "01900000-0000-7000-8000-00000000000a",
          "{01900000-0000-7000-8000-00000000000a,01900000-0000-7000-8000-0000000000f1}",
          "{"PII","PROPRIETARY"}",
          "01900000-0000-7000-8000-00000000000a",
          "01900000-0000-7000-8000-00000000000a",
        ],
        "sql": "(("records"."owner_agency_id" = $1::uuid or ("records"."partner_share" = 'full' and (cardinality("records"."releasable_to") = 0 or "records"."releasable_to" && $2::uuid[]))) and "records"."tlp" in ('CLEAR', 'GREEN') and ("records"."caveats" <@ $3::text[] and (not ('PROPRIETARY' = any("records"."caveats")) or "records"."owner_agency_id" = $4::uuid or $5::uuid = any("records"."releasable_to"))))",
        "typings": [
          "none",
          "none",
          "none",
          "none",
          "none",
        ],
      }
    `);
  });

  it('for a suspended user and for a system viewer', () => {
    expect(dialect.sqlToQuery(visibleTo({ ...fixed, active: false }, records)).sql).toBe('false');
    expect(dialect.sqlToQuery(visibleTo(personas.system(), records)).sql).toBe('true');
  });
});
