/**
 * The demo world loaded into a real database, and what the README says each persona can and
 * cannot see, checked against the visibility rule as the API applies it.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Caveat, Tlp } from '../access/markings.ts';
import type { Database } from '../db/client.ts';
import { createTestDatabase, describeEachDatabase } from '../db/test-db.ts';
import type { Opened } from '../main.ts';
import { systemClock } from '../shared/clock.ts';
import { ensureCenter } from '../modules/center/center.service.ts';
import { auditLog } from '../modules/audit/audit.table.ts';
import { observations } from '../modules/entities/entities.table.ts';
import type { ObservationType } from '../modules/entities/observation-types.ts';
import { pairwiseMetrics, type PairwiseMetrics } from '../modules/resolution/evaluate.ts';
import { resolutionModel } from '../modules/resolution/resolution.table.ts';
import { listRecords } from '../modules/records/records.service.ts';
import { listSources } from '../modules/sources/sources.service.ts';
import { getSarVetting, listSarQueue } from '../modules/records/sar-vetting.service.ts';
import { users } from '../modules/users/users.table.ts';
import { loadViewer } from '../modules/users/viewer-loader.ts';
import { seedDemoWorld } from './seed.ts';

type Seen = { tlp: Tlp; caveats: Caveat[]; isOwnAgency: boolean };

describeEachDatabase('demo world seeded into the database', (kind) => {
  let database: Database;
  let opened: Opened;
  const truthPath = join(mkdtempSync(join(tmpdir(), 'wf-truth-')), 'truth.ndjson');

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    opened = { database, center: await ensureCenter(database.db, 'Test') };
    await seedDemoWorld(opened, { seed: 7, records: 1500, groundTruthPath: truthPath });
  }, 120_000);
  afterAll(() => database.close());

  async function contextOf(username: string, purpose: string | null = null) {
    const [user] = await database.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.username, username));
    const viewer = await loadViewer(database.db, user!.id, purpose);
    return {
      db: database.db,
      viewer: viewer!,
      clientIp: null,
      clock: systemClock,
      centerId: opened.center.id,
    };
  }

  async function visibleTo(username: string, purpose: string | null = null): Promise<Seen[]> {
    const ctx = await contextOf(username, purpose);
    const seen: Seen[] = [];
    let cursor: string | undefined;
    do {
      const page = await listRecords(ctx, { limit: 500, cursor });
      seen.push(
        ...page.items.map((r) => ({
          tlp: r.markings.tlp,
          caveats: r.markings.caveats,
          isOwnAgency: r.isOwnAgency,
        })),
      );
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return seen;
  }
  const withCaveat = (seen: Seen[], c: Caveat) => seen.filter((r) => r.caveats.includes(c)).length;

  it('seeding twice leaves the world as it is', async () => {
    expect(await seedDemoWorld(opened, { seed: 7, records: 1500 })).toMatchObject({
      seeded: false,
      records: 1500,
    });
  });

  it('the ground-truth file names each submitted observation once, and each exists', async () => {
    const lines = readFileSync(truthPath, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { observationId: string });
    const ids = lines.map((l) => l.observationId);
    expect(new Set(ids).size).toBe(ids.length);
    const found = await database.db
      .select({ n: count() })
      .from(observations)
      .where(inArray(observations.id, ids));
    expect(found[0]!.n).toBe(ids.length);
    // Narratives add extracted mentions on top of what the demo world submitted.
    const [all] = await database.db.select({ n: count() }).from(observations);
    expect(all!.n).toBeGreaterThan(ids.length);
  });

  /** Pairwise quality per type of the entities stored, on the observations the truth names. */
  async function storedQuality(): Promise<Map<ObservationType, PairwiseMetrics>> {
    const truth = new Map<string, string>();
    for (const line of readFileSync(truthPath, 'utf8').trim().split('\n')) {
      const row = JSON.parse(line) as { observationId: string; entityKey: string };
      truth.set(row.observationId, row.entityKey);
    }
    const rows = await database.db
      .select({ id: observations.id, type: observations.type, entityId: observations.entityId })
      .from(observations);
    const byType = new Map<ObservationType, typeof rows>();
    for (const r of rows.filter((o) => truth.has(o.id))) {
      byType.set(r.type, [...(byType.get(r.type) ?? []), r]);
    }
    const quality = new Map<ObservationType, PairwiseMetrics>();
    for (const [type, list] of byType) {
      const groups = new Map<string, string[]>();
      for (const r of list) groups.set(r.entityId, [...(groups.get(r.entityId) ?? []), r.id]);
      const known = new Map(list.map((r) => [r.id, truth.get(r.id) ?? r.id]));
      quality.set(type, pairwiseMetrics(known, [...groups.values()]));
    }
    return quality;
  }

  it('CI-14 the served entities are the trained model’s: duplicates merged, no false merge', async () => {
    // Vehicles and organisations tell the trained model from the untrained prior: with the
    // prior (no retrain after seeding) this world's vehicle recall is 0.04 and no organisation
    // is merged; trained, 0.51 and 0.15. Persons (0.21 either way) are bounded by CI-14: most
    // person mentions carry no date of birth, identifier or address.
    const quality = await storedQuality();
    for (const [type, m] of quality) expect(m.precision, type).toBeGreaterThanOrEqual(0.99);
    expect(quality.get('vehicle')?.recall).toBeGreaterThan(0.35);
    expect(quality.get('organization')?.recall).toBeGreaterThan(0.05);
    expect(quality.get('person')?.recall).toBeGreaterThan(0.15);
    const [model] = await database.db.select().from(resolutionModel);
    const [all] = await database.db.select({ n: count() }).from(observations);
    expect(model?.trainedOn).toBe(all!.n);
    const retrains = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'resolution.retrain'));
    expect(retrains).toHaveLength(1);
    expect(retrains[0]).toMatchObject({
      actorUserId: opened.center.systemUserId,
      decision: 'allow',
      purpose: 'demo world seed 7',
    });
  });

  it('SAR-03 both vetting queues have SARs waiting, and vetted SARs carry their history', async () => {
    const reviewer = await contextOf('sarreviewer.vfc');
    const analyst = await contextOf('saranalyst.vfc');
    const part1 = await listSarQueue(reviewer, { step: 'initial_review', limit: 500 });
    expect(new Set(part1.items.map((i) => i.status))).toEqual(
      new Set(['submitted', 'initial_review']),
    );
    const part2 = await listSarQueue(analyst, { step: 'analyst_review', limit: 500 });
    expect(part2.items).toHaveLength(6);
    const shared = await listRecords(analyst, { kind: 'sar', status: 'shared', limit: 50 });
    expect(shared.items).toHaveLength(2);
    const history = (await getSarVetting(analyst, shared.items[0]!.id)).transitions;
    expect(history.map((h) => [h.toState, h.actor.username])).toEqual([
      ['initial_review', 'sarreviewer.vfc'],
      ['analyst_review', 'sarreviewer.vfc'],
      ['ise_sar', 'saranalyst.vfc'],
      ['shared', 'saranalyst.vfc'],
    ]);
  });

  it('analysts have sources of their own agency to ingest into, with default markings', async () => {
    const vfc = await listSources(await contextOf('analyst.vfc'), { limit: 50 });
    expect(vfc.items.map((s) => s.name).sort()).toEqual(['VFC analyst uploads', 'VFC tip line']);
    const fairfax = await listSources(await contextOf('supervisor.fairfaxpd'), { limit: 50 });
    expect(
      fairfax.items.find((s) => s.name === 'Fairfax County PD RMS')?.defaultMarkings,
    ).toMatchObject({
      tlp: 'AMBER',
      caveats: ['LES', 'PII'],
    });
  });

  it('partner.port sees no LES, PII or AMBER-and-stricter records, but does see some', async () => {
    const seen = await visibleTo('partner.port');
    expect(seen.length).toBeGreaterThan(0);
    expect(withCaveat(seen, 'LES') + withCaveat(seen, 'PII')).toBe(0);
    expect(seen.filter((r) => !['CLEAR', 'GREEN'].includes(r.tlp))).toEqual([]);
  });

  it('analyst.vdh sees health reporting but no LES or criminal intelligence', async () => {
    const seen = await visibleTo('analyst.vdh', 'outbreak investigation');
    expect(withCaveat(seen, 'HEALTH')).toBeGreaterThan(0);
    expect(withCaveat(seen, 'LES') + withCaveat(seen, 'CRIMINAL_INTEL')).toBe(0);
  });

  it('auditor.vfc sees no LES, PII or intelligence content', async () => {
    const seen = await visibleTo('auditor.vfc', 'quarterly audit');
    expect(
      withCaveat(seen, 'LES') + withCaveat(seen, 'PII') + withCaveat(seen, 'CRIMINAL_INTEL'),
    ).toBe(0);
  });

  it('analyst.vfc sees law-enforcement records and no HEALTH; criminal intelligence only with a purpose', async () => {
    const without = await visibleTo('analyst.vfc');
    expect(withCaveat(without, 'LES')).toBeGreaterThan(0);
    expect(withCaveat(without, 'HEALTH') + withCaveat(without, 'CRIMINAL_INTEL')).toBe(0);
    const withPurpose = await visibleTo('analyst.vfc', 'case 25-0042');
    expect(withCaveat(withPurpose, 'CRIMINAL_INTEL')).toBeGreaterThan(0);
  });

  it('admin.vfc sees more than any restricted persona, yet not everything the center holds', async () => {
    const admin = await visibleTo('admin.vfc');
    expect(admin.length).toBeGreaterThan((await visibleTo('partner.port')).length);
    expect(admin.length).toBeLessThan(1500);
    expect(withCaveat(admin, 'CRIMINAL_INTEL')).toBe(0);
  });
});
