import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Database } from '../db/client.ts';
import { createTestDatabase, describeEachDatabase } from '../db/test-db.ts';
import { records } from '../modules/records/records.table.ts';
import { accessLevel, canView, needsStatedPurpose } from './policy.ts';
import { visibleTo } from './visibility.ts';
import type { MarkedObject } from './markings.ts';
import { isPartnerOnly, isPrivateSector, type Viewer } from './viewer.ts';
import {
  buildMarking,
  buildViewer,
  insertMarkedRecords,
  insertPool,
  markedObjectArbitrary,
  personas,
  viewerArbitrary,
  type Pool,
} from './visibility.test-helpers.ts';

const RECORDS_PER_RUN = 200;
const VIEWERS_PER_RUN = 50;
const RUNS = 10; // 10 × 200 × 50 = 100,000 viewer × marking cases per database

describeEachDatabase('visibleTo (SQL) agrees with canView (TypeScript)', (kind) => {
  let database: Database;
  let pool: Pool;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    pool = await insertPool(database.db);
  });
  afterAll(() => database.close());

  it(`on ${RUNS * RECORDS_PER_RUN * VIEWERS_PER_RUN} random viewer × marking cases`, async () => {
    const tally = new EdgeCaseTally();
    const property = fc.asyncProperty(
      fc.array(markedObjectArbitrary(pool), {
        minLength: RECORDS_PER_RUN,
        maxLength: RECORDS_PER_RUN,
      }),
      fc.array(viewerArbitrary(pool), { minLength: VIEWERS_PER_RUN, maxLength: VIEWERS_PER_RUN }),
      async (objects, viewers) => {
        await database.db.delete(records);
        const ids = await insertMarkedRecords(database.db, objects);
        for (const viewer of viewers) {
          const rows = await database.db
            .select({ id: records.id })
            .from(records)
            .where(visibleTo(viewer, records));
          const seenBySql = new Set(rows.map((r) => r.id));
          objects.forEach((obj, i) => {
            const expected = canView(viewer, obj);
            tally.count(viewer, obj, expected);
            const actual = seenBySql.has(ids[i] ?? '');
            if (actual !== expected) throw new Error(disagreement(viewer, obj, expected, actual));
          });
        }
      },
    );
    // endOnFailure: the thrown message already names the one viewer and marking that disagree,
    // and shrinking 250 values against a database would take minutes. The seed is reported.
    await fc.assert(property, { numRuns: RUNS, endOnFailure: true });

    expect(tally.cases).toBeGreaterThanOrEqual(10_000);
    tally.expectEdgeCasesHit();
  }, 300_000);
});

function disagreement(viewer: Viewer, obj: MarkedObject, expected: boolean, actual: boolean) {
  return [
    `canView says ${expected ? 'visible' : 'hidden'} but visibleTo (SQL) says ${actual ? 'visible' : 'hidden'}`,
    `viewer: ${JSON.stringify(viewer)}`,
    `marking: ${JSON.stringify(obj)}`,
  ].join('\n');
}

/**
 * Counts the cases the generators produced per edge case of the rule, so that a generator
 * change that stops exercising (say) RED-named-by-group makes this test fail instead of
 * silently passing on easy cases.
 */
class EdgeCaseTally {
  cases = 0;
  readonly seen = new Map<string, { total: number; visible: number }>();

  count(viewer: Viewer, obj: MarkedObject, visible: boolean) {
    this.cases++;
    for (const edge of edgeCasesOf(viewer, obj)) {
      const entry = this.seen.get(edge) ?? { total: 0, visible: 0 };
      entry.total++;
      if (visible) entry.visible++;
      this.seen.set(edge, entry);
    }
  }

  expectEdgeCasesHit() {
    const report = Object.fromEntries(
      EDGE_CASES.map((e) => [e.name, this.seen.get(e.name) ?? { total: 0, visible: 0 }]),
    );
    for (const edge of EDGE_CASES) {
      const entry = report[edge.name];
      expect(entry?.total, `${edge.name}: ${JSON.stringify(report)}`).toBeGreaterThanOrEqual(20);
      if (edge.someVisible) expect(entry?.visible, edge.name).toBeGreaterThan(0);
    }
    const all = [...this.seen.values()].reduce((n, e) => n + e.visible, 0);
    expect(all, 'some cases must be visible').toBeGreaterThan(0);
  }
}

const EDGE_CASES = [
  { name: 'RED, viewer agency named', someVisible: true },
  { name: 'RED, only a group of the viewer named', someVisible: false },
  { name: 'AMBER+STRICT, partner agency in audience', someVisible: false },
  { name: 'AMBER, partner-only viewer', someVisible: false },
  { name: 'PROPRIETARY, owner', someVisible: true },
  { name: 'PROPRIETARY, agency named', someVisible: true },
  { name: 'PROPRIETARY, neither owner nor named', someVisible: false },
  { name: 'CRIMINAL_INTEL, LE + 28 CFR, no purpose', someVisible: false },
  { name: 'CRIMINAL_INTEL, LE + 28 CFR, purpose', someVisible: true },
  { name: 'LES, private sector with lawEnforcement', someVisible: false },
  { name: 'empty releasableTo, not owner', someVisible: true },
  { name: 'partnerShare pointer, not owner', someVisible: false },
  { name: 'inactive viewer or agency', someVisible: false },
  { name: 'system viewer', someVisible: true },
] as const;

function edgeCasesOf(v: Viewer, o: MarkedObject): string[] {
  const owner = o.ownerAgencyId === v.agencyId;
  const agencyNamed = o.releasableTo.includes(v.agencyId);
  const groupNamed = v.sharingGroupIds.some((g) => o.releasableTo.includes(g));
  const active = v.active && v.agencyActive;
  const user = active && v.kind === 'user';
  const a = v.attributes;
  const edges: string[] = [];
  if (!active) edges.push('inactive viewer or agency');
  if (active && v.kind === 'system') edges.push('system viewer');
  if (!user) return edges;
  const inAudience =
    o.partnerShare === 'full' && (o.releasableTo.length === 0 || agencyNamed || groupNamed);
  if (o.tlp === 'RED' && !owner && agencyNamed) edges.push('RED, viewer agency named');
  if (o.tlp === 'RED' && !owner && !agencyNamed && groupNamed && o.partnerShare === 'full')
    edges.push('RED, only a group of the viewer named');
  if (o.tlp === 'AMBER+STRICT' && !owner && inAudience)
    edges.push('AMBER+STRICT, partner agency in audience');
  if (o.tlp === 'AMBER' && isPartnerOnly(v)) edges.push('AMBER, partner-only viewer');
  if (o.caveats.includes('PROPRIETARY')) {
    if (owner) edges.push('PROPRIETARY, owner');
    else if (agencyNamed) edges.push('PROPRIETARY, agency named');
    else if (inAudience) edges.push('PROPRIETARY, neither owner nor named');
  }
  if (
    o.caveats.includes('CRIMINAL_INTEL') &&
    a.lawEnforcement &&
    a.cfr23Trained &&
    !isPrivateSector(v)
  )
    edges.push(`CRIMINAL_INTEL, LE + 28 CFR, ${v.purpose === null ? 'no purpose' : 'purpose'}`);
  if (o.caveats.includes('LES') && isPrivateSector(v) && a.lawEnforcement)
    edges.push('LES, private sector with lawEnforcement');
  if (o.releasableTo.length === 0 && !owner) edges.push('empty releasableTo, not owner');
  if (o.partnerShare === 'pointer' && !owner) edges.push('partnerShare pointer, not owner');
  return edges;
}

// ---------------------------------------------------------------------------------------
// The rule clause by clause, on the pure function.

const OWNER = '01900000-0000-7000-8000-00000000000a';
const PARTNER = '01900000-0000-7000-8000-00000000000b';
const OTHER = '01900000-0000-7000-8000-00000000000c';
const GROUP = '01900000-0000-7000-8000-0000000000f1';

describe('visibility rule, clause 1: active viewer and agency', () => {
  it('a suspended user sees nothing, not even their own agency’s CLEAR records', () => {
    const mine = buildMarking({ ownerAgencyId: OWNER, tlp: 'CLEAR' });
    expect(canView(personas.analyst(OWNER), mine)).toBe(true);
    expect(canView(personas.analyst(OWNER, { active: false }), mine)).toBe(false);
    expect(accessLevel(personas.analyst(OWNER, { active: false }), mine)).toBe('none');
  });

  it('suspending an agency cuts off all its users', () => {
    const shared = buildMarking({ ownerAgencyId: OTHER, tlp: 'CLEAR' });
    expect(canView(personas.analyst(OWNER, { agencyActive: false }), shared)).toBe(false);
    expect(
      canView(personas.analyst(OWNER, { agencyActive: false }), {
        ...shared,
        ownerAgencyId: OWNER,
      }),
    ).toBe(false);
  });

  it('a system viewer sees everything, but only while active', () => {
    const secret = buildMarking({
      ownerAgencyId: OTHER,
      tlp: 'RED',
      caveats: ['CRIMINAL_INTEL', 'PROPRIETARY', 'LES'],
      partnerShare: 'none',
      releasableTo: [GROUP],
    });
    expect(canView(personas.system(), secret)).toBe(true);
    expect(canView(personas.system({ active: false }), secret)).toBe(false);
  });
});

describe('visibility rule, clause 2: audience', () => {
  it('an agency always sees its own records, whatever partnerShare and releasableTo say', () => {
    for (const partnerShare of ['full', 'pointer', 'none'] as const) {
      const obj = buildMarking({ ownerAgencyId: OWNER, partnerShare, releasableTo: [OTHER] });
      expect(canView(personas.analyst(OWNER), obj)).toBe(true);
    }
  });

  it('XS-01 a full-share record with an empty releasableTo reaches every partner', () => {
    const obj = buildMarking({ ownerAgencyId: OWNER, partnerShare: 'full', releasableTo: [] });
    expect(canView(personas.analyst(PARTNER), obj)).toBe(true);
    expect(canView(personas.analyst(OTHER), obj)).toBe(true);
  });

  it('releasableTo narrows partner sharing to the agencies it names', () => {
    const obj = buildMarking({ ownerAgencyId: OWNER, releasableTo: [PARTNER] });
    expect(canView(personas.analyst(PARTNER), obj)).toBe(true);
    expect(canView(personas.analyst(OTHER), obj)).toBe(false);
  });

  it('releasableTo naming a sharing group reaches that group’s members only', () => {
    const obj = buildMarking({ ownerAgencyId: OWNER, releasableTo: [GROUP] });
    expect(canView(personas.analyst(PARTNER, { sharingGroupIds: [GROUP] }), obj)).toBe(true);
    expect(canView(personas.analyst(PARTNER), obj)).toBe(false);
  });

  it('XS-01 partnerShare none or pointer keeps content inside the owner agency, even when named', () => {
    for (const partnerShare of ['none', 'pointer'] as const) {
      const obj = buildMarking({ ownerAgencyId: OWNER, partnerShare, releasableTo: [PARTNER] });
      expect(canView(personas.analyst(PARTNER), obj)).toBe(false);
    }
  });
});

describe('visibility rule, clause 3: TLP cap', () => {
  it('RED reaches only the owner and agencies named in releasableTo', () => {
    const obj = buildMarking({ ownerAgencyId: OWNER, tlp: 'RED', releasableTo: [PARTNER, GROUP] });
    expect(canView(personas.analyst(OWNER), obj)).toBe(true);
    expect(canView(personas.analyst(PARTNER), obj)).toBe(true);
    // In the audience through the group, but TLP:RED names recipients, not communities.
    expect(canView(personas.analyst(OTHER, { sharingGroupIds: [GROUP] }), obj)).toBe(false);
  });

  it('RED with an empty releasableTo stays with the owner', () => {
    const obj = buildMarking({ ownerAgencyId: OWNER, tlp: 'RED', releasableTo: [] });
    expect(canView(personas.analyst(OWNER), obj)).toBe(true);
    expect(canView(personas.analyst(PARTNER), obj)).toBe(false);
  });

  it('AMBER+STRICT stays inside the owner agency, even for an agency named in releasableTo', () => {
    const obj = buildMarking({
      ownerAgencyId: OWNER,
      tlp: 'AMBER+STRICT',
      releasableTo: [PARTNER],
    });
    expect(canView(personas.analyst(OWNER), obj)).toBe(true);
    expect(canView(personas.analyst(PARTNER), obj)).toBe(false);
  });

  it('a partner-only user never sees AMBER, not even from their own agency', () => {
    const amber = buildMarking({ ownerAgencyId: OWNER, tlp: 'AMBER' });
    expect(canView(personas.partner(PARTNER), amber)).toBe(false);
    expect(canView(personas.partner(OWNER), amber)).toBe(false);
    expect(canView(personas.analyst(PARTNER), amber)).toBe(true);
    // One more role is enough to lift the partner-only cap.
    expect(canView(personas.partner(PARTNER, { roles: ['partner', 'liaison'] }), amber)).toBe(true);
  });

  it('a partner-only user sees nothing stricter than GREEN: no AMBER+STRICT or RED, even their own', () => {
    for (const tlp of ['AMBER+STRICT', 'RED'] as const) {
      const own = buildMarking({ ownerAgencyId: OWNER, tlp, releasableTo: [PARTNER] });
      expect(canView(personas.partner(OWNER), own)).toBe(false);
      expect(canView(personas.partner(PARTNER), own)).toBe(false);
      expect(canView(personas.analyst(OWNER), own)).toBe(true);
    }
  });

  it('GREEN and CLEAR follow the audience alone, partner-only users included', () => {
    for (const tlp of ['GREEN', 'CLEAR'] as const) {
      const obj = buildMarking({ ownerAgencyId: OWNER, tlp, releasableTo: [PARTNER] });
      expect(canView(personas.partner(PARTNER), obj)).toBe(true);
      expect(canView(personas.partner(OTHER), obj)).toBe(false);
    }
  });
});

describe('visibility rule, clause 4: caveats', () => {
  it('LES needs the lawEnforcement attribute', () => {
    const obj = buildMarking({ ownerAgencyId: OWNER, caveats: ['LES'] });
    expect(canView(personas.analyst(PARTNER), obj)).toBe(false);
    expect(canView(personas.sworn(PARTNER), obj)).toBe(true);
    // Owning the record is not a right to know.
    expect(canView(personas.analyst(OWNER), obj)).toBe(false);
  });

  it('CI-07 criminal intelligence needs a stated purpose', () => {
    const obj = buildMarking({ ownerAgencyId: OWNER, caveats: ['CRIMINAL_INTEL'] });
    expect(canView(personas.intelAnalyst(PARTNER), obj)).toBe(false);
    expect(canView(personas.intelAnalyst(PARTNER, { purpose: 'case 24-0117' }), obj)).toBe(true);
    expect(canView(personas.intelAnalyst(OWNER), obj)).toBe(false);
  });

  it('CI-07 criminal intelligence needs lawEnforcement and 28 CFR training as well', () => {
    const obj = buildMarking({ ownerAgencyId: OWNER, caveats: ['CRIMINAL_INTEL'] });
    const purpose = 'case 24-0117';
    const untrained = personas.intelAnalyst(PARTNER, { purpose });
    expect(
      canView({ ...untrained, attributes: { ...untrained.attributes, cfr23Trained: false } }, obj),
    ).toBe(false);
    expect(
      canView(
        { ...untrained, attributes: { ...untrained.attributes, lawEnforcement: false } },
        obj,
      ),
    ).toBe(false);
  });

  it('PII needs piiAccess and HEALTH needs healthAccess', () => {
    const pii = buildMarking({ ownerAgencyId: OWNER, caveats: ['PII'] });
    const health = buildMarking({ ownerAgencyId: OWNER, caveats: ['HEALTH'] });
    const none = personas.analyst(PARTNER);
    expect(canView(none, pii)).toBe(false);
    expect(canView(none, health)).toBe(false);
    const withPii = { ...none, attributes: { ...none.attributes, piiAccess: true } };
    expect(canView(withPii, pii)).toBe(true);
    expect(canView(withPii, health)).toBe(false);
    const withHealth = { ...none, attributes: { ...none.attributes, healthAccess: true } };
    expect(canView(withHealth, health)).toBe(true);
    expect(canView(withHealth, pii)).toBe(false);
  });

  it('every caveat must be satisfied, not just one', () => {
    const obj = buildMarking({ ownerAgencyId: OWNER, caveats: ['LES', 'HEALTH'] });
    expect(canView(personas.sworn(PARTNER), obj)).toBe(false);
    const both = personas.sworn(PARTNER);
    expect(canView({ ...both, attributes: { ...both.attributes, healthAccess: true } }, obj)).toBe(
      true,
    );
  });

  it('PROPRIETARY reaches the owner and agencies named, not sharing-group members', () => {
    const obj = buildMarking({
      ownerAgencyId: OWNER,
      caveats: ['PROPRIETARY'],
      releasableTo: [PARTNER, GROUP],
    });
    expect(canView(personas.analyst(OWNER), obj)).toBe(true);
    expect(canView(personas.analyst(PARTNER), obj)).toBe(true);
    expect(canView(personas.analyst(OTHER, { sharingGroupIds: [GROUP] }), obj)).toBe(false);
    // With nobody named, only the owner passes.
    const open = { ...obj, releasableTo: [] };
    expect(canView(personas.analyst(OWNER), open)).toBe(true);
    expect(canView(personas.analyst(PARTNER), open)).toBe(false);
  });

  it('MRK-08 private-sector users never see LES or criminal intelligence, whatever their attributes', () => {
    const les = buildMarking({ ownerAgencyId: OWNER, caveats: ['LES'] });
    const intel = buildMarking({ ownerAgencyId: OWNER, caveats: ['CRIMINAL_INTEL'] });
    const byLevel = personas.privateSector(PARTNER, { agencyDiscipline: 'transportation' });
    const byDiscipline = personas.privateSector(PARTNER, { agencyLevel: 'local' });
    for (const viewer of [byLevel, byDiscipline]) {
      expect(canView(viewer, les)).toBe(false);
      expect(canView(viewer, intel)).toBe(false);
      expect(canView(viewer, buildMarking({ ownerAgencyId: OWNER, caveats: ['PII'] }))).toBe(true);
    }
    // Not even on their own agency's records.
    expect(canView(personas.privateSector(OWNER), les)).toBe(false);
  });

  it('SPECIAL_STATUS needs piiAccess and lawEnforcement, and is closed to the private sector', () => {
    const obj = buildMarking({ ownerAgencyId: OWNER, caveats: ['SPECIAL_STATUS'] });
    const sworn = personas.sworn(PARTNER);
    expect(canView(sworn, obj)).toBe(false);
    expect(canView({ ...sworn, attributes: { ...sworn.attributes, piiAccess: true } }, obj)).toBe(
      true,
    );
    expect(canView(personas.privateSector(PARTNER), obj)).toBe(false);
  });
});

describe('accessLevel: content, pointer or nothing', () => {
  const pointer = (more: Partial<MarkedObject> = {}) =>
    buildMarking({ ownerAgencyId: OWNER, partnerShare: 'pointer', ...more });

  it('XS-02 pointer only where partnerShare alone blocks', () => {
    expect(accessLevel(personas.analyst(PARTNER), pointer())).toBe('pointer');
    expect(
      accessLevel(personas.analyst(PARTNER), pointer({ tlp: 'RED', releasableTo: [PARTNER] })),
    ).toBe('pointer');
    // Something else blocks too: no pointer, so nothing leaks about the record's existence.
    expect(accessLevel(personas.analyst(PARTNER), pointer({ caveats: ['LES'] }))).toBe('none');
    expect(accessLevel(personas.analyst(PARTNER), pointer({ tlp: 'AMBER+STRICT' }))).toBe('none');
    expect(accessLevel(personas.analyst(PARTNER), pointer({ tlp: 'RED' }))).toBe('none');
    expect(accessLevel(personas.analyst(PARTNER), pointer({ releasableTo: [OTHER] }))).toBe('none');
    expect(accessLevel(personas.partner(PARTNER), pointer({ tlp: 'AMBER' }))).toBe('none');
    expect(accessLevel(personas.analyst(PARTNER, { active: false }), pointer())).toBe('none');
  });

  it('XS-01 partnerShare none gives other agencies not even a pointer', () => {
    const obj = buildMarking({ ownerAgencyId: OWNER, partnerShare: 'none' });
    expect(accessLevel(personas.analyst(PARTNER), obj)).toBe('none');
  });

  it('the owner agency and permitted partners get content', () => {
    expect(accessLevel(personas.analyst(OWNER), pointer())).toBe('content');
    expect(accessLevel(personas.analyst(PARTNER), buildMarking({ ownerAgencyId: OWNER }))).toBe(
      'content',
    );
  });

  it('agrees with canView on content for any viewer and marking', () => {
    const pool = { agencyIds: [OWNER, PARTNER, OTHER], groupIds: [GROUP] };
    fc.assert(
      fc.property(viewerArbitrary(pool), markedObjectArbitrary(pool), (viewer, obj) => {
        const level = accessLevel(viewer, obj);
        expect(level === 'content').toBe(canView(viewer, obj));
        if (level === 'pointer') expect(obj.partnerShare).toBe('pointer');
      }),
      { numRuns: 5_000 },
    );
  });
});

describe('needsStatedPurpose: 403 "state your purpose" instead of 404', () => {
  const intel = buildMarking({ ownerAgencyId: OWNER, caveats: ['CRIMINAL_INTEL'] });

  it('CI-07 asks for a purpose when a purpose is all that is missing', () => {
    expect(needsStatedPurpose(personas.intelAnalyst(PARTNER), intel)).toBe(true);
  });

  it('CI-07 does not ask once a purpose is stated', () => {
    expect(
      needsStatedPurpose(personas.intelAnalyst(PARTNER, { purpose: 'case 24-0117' }), intel),
    ).toBe(false);
  });

  it('CI-07 does not ask a user who would be refused anyway (no 28 CFR training, private sector, not in audience)', () => {
    const analyst = personas.intelAnalyst(PARTNER);
    const untrained = { ...analyst, attributes: { ...analyst.attributes, cfr23Trained: false } };
    expect(needsStatedPurpose(untrained, intel)).toBe(false);
    expect(needsStatedPurpose(personas.privateSector(PARTNER, { purpose: null }), intel)).toBe(
      false,
    );
    expect(needsStatedPurpose(analyst, { ...intel, tlp: 'RED' })).toBe(false);
    expect(needsStatedPurpose(analyst, { ...intel, partnerShare: 'none' })).toBe(false);
  });

  it('does not ask for a purpose on records without CRIMINAL_INTEL', () => {
    const les = buildMarking({ ownerAgencyId: OWNER, caveats: ['LES'] });
    expect(needsStatedPurpose(personas.intelAnalyst(PARTNER), les)).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------

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
