/**
 * The SQL predicate (`visibleTo`) and the pure rule (`canView`) agree: random viewers and
 * random markings, over a small pool of real agencies and sharing groups, on each database.
 * So does the third form, the rule read off each record's marking class (ADR 0010), which the
 * database assigns. The example tests of the rule are in policy.test.ts, the SQL text in
 * visibility.sql.test.ts.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import fc from 'fast-check';
import { eq, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { createTestDatabase, describeEachDatabase } from '../db/test-db.ts';
import { records } from '../modules/records/records.table.ts';
import { canView } from './policy.ts';
import { visibleTo } from './visibility.ts';
import { inVisibleClasses, inVisibleClassList } from '../modules/records/marking-classes.ts';
import type { MarkedObject } from './markings.ts';
import { isPartnerOnly, isPrivateSector, type Viewer } from './viewer.ts';
import {
  insertMarkedRecords,
  insertPool,
  markedObjectArbitrary,
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
        // Half the records reach their markings by an edit, so both ways a record gets its
        // class (insert and change of markings) are checked.
        const ids = await insertMarkedRecords(
          database.db,
          objects.map((o, i) => (i % 2 === 1 ? objects[objects.length - 1 - i]! : o)),
        );
        for (let i = 1; i < objects.length; i += 2) {
          const { networkShare: _unchanged, ...marking } = objects[i]!;
          await database.db
            .update(records)
            .set({
              ...marking,
              caveats: [...marking.caveats],
              releasableTo: [...marking.releasableTo],
            })
            .where(eq(records.id, ids[i]!));
        }
        for (const viewer of viewers) {
          const seenBy = async (where: SQL) =>
            new Set(
              (await database.db.select({ id: records.id }).from(records).where(where)).map(
                (r) => r.id,
              ),
            );
          const forms = [
            ['visibleTo (SQL)', await seenBy(visibleTo(viewer, records))],
            ['its marking class (join)', await seenBy(inVisibleClasses(viewer))],
            ['its marking class (list)', await seenBy(inVisibleClassList(viewer))],
          ] as const;
          objects.forEach((obj, i) => {
            const expected = canView(viewer, obj);
            tally.count(viewer, obj, expected);
            const id = ids[i] ?? '';
            for (const [form, seen] of forms) {
              const actual = seen.has(id);
              if (actual !== expected)
                throw new Error(disagreement(viewer, obj, expected, actual, form));
            }
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

function disagreement(
  viewer: Viewer,
  obj: MarkedObject,
  expected: boolean,
  actual: boolean,
  form: string,
) {
  return [
    `canView says ${expected ? 'visible' : 'hidden'} but ${form} says ${actual ? 'visible' : 'hidden'}`,
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
