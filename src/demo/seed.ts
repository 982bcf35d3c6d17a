/**
 * Loads the demo world into a database through the same services the API uses (agencies,
 * sharing groups, users: validated and audited) and the set-based record writer (records in
 * batches, one audit event per batch), then trains the resolution model on what it loaded
 * and re-resolves with it, as an administrator's `watchfloor resolution retrain` does (same
 * code, audited as this seed's system viewer). Records are resolved as they are written,
 * with whatever model is stored — in a fresh database, the untrained prior, which merges
 * few of the demo's duplicates — so without the retrain the served demo would show the
 * prior's entities, not the shipped model's. Idempotent: a seeded database is left as it is.
 */
import { sql } from 'drizzle-orm';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { Opened } from '../main.ts';
import type { ServiceContext } from '../shared/context.ts';
import { systemClock } from '../shared/clock.ts';
import { appendAudit } from '../modules/audit/audit.service.ts';
import { getCenterSettings, systemViewer, updateCenter } from '../modules/center/center.service.ts';
import { createAgency, updateAgency } from '../modules/agencies/agencies.service.ts';
import { createSharingGroup } from '../modules/sharing-groups/sharing-groups.service.ts';
import { createUser } from '../modules/users/users.service.ts';
import { prepareRecord } from '../modules/records/record-preparation.ts';
import type { PreparedRecord } from '../modules/records/record-rows.ts';
import { insertRecords } from '../modules/records/records.writer.ts';
import type { RetrainResult } from '../modules/resolution/resolution.schemas.ts';
import { retrainResolution } from '../modules/resolution/retrain.ts';
import { DEMO_PASSWORD, generateDemoWorld } from './world.ts';
import { loadDemoSites } from './sites-load.ts';
import { loadDemoSources } from './sources.ts';
import { DAY_MS } from './time.ts';
import { vetDemoSars } from './vetting.ts';
import { DEMO_PERSONAS } from './personas.ts';
import type { DemoAgency, DemoRecord, DemoUser } from './types.ts';

export type SeedOptions = {
  seed: number;
  records: number;
  /**
   * Load only the first `limit` records of the world generated for `records` (benchmarks
   * seed a prefix of a large world through the write path and copy it to size).
   */
  limit?: number;
  /** Where to write the ground truth (NDJSON: observation id, source record id, entity key). */
  groundTruthPath?: string;
  onProgress?: (done: number, total: number) => void;
  /**
   * Train the resolution model on the seeded observations and re-resolve (default true).
   * Off only where the untrained state is the point (tests of the retrain itself) or the
   * world is too large to train on in one go (`demo --no-retrain`).
   */
  retrain?: boolean;
  /** Called with the number of records loaded, as the retrain starts. */
  onRetrain?: (records: number) => void;
};

export type SeedResult = {
  seeded: boolean;
  records: number;
  personas: typeof DEMO_PERSONAS;
  password: string;
  /** What the retrain after seeding did (null when there was none). */
  retrain: RetrainResult | null;
};

const BATCH = 1000;

export async function seedDemoWorld(opened: Opened, opts: SeedOptions): Promise<SeedResult> {
  const settings = await getCenterSettings(opened.database.db);
  const already = settings['demo'] as { records?: number } | undefined;
  if (already)
    return {
      seeded: false,
      records: already.records ?? 0,
      personas: DEMO_PERSONAS,
      password: DEMO_PASSWORD,
      retrain: null,
    };
  const world = generateDemoWorld({ seed: opts.seed, records: opts.records });
  const ctx: ServiceContext = {
    db: opened.database.db,
    viewer: systemViewer(opened.center, `demo world seed ${opts.seed}`),
    clientIp: null,
    clock: systemClock,
    centerId: opened.center.id,
  };
  const agencyIds = await loadAgencies(
    ctx,
    opened.center.hostAgencyId,
    world.center.hostAgencyKey,
    world.agencies,
  );
  for (const g of world.sharingGroups) {
    const group = await createSharingGroup(ctx, {
      name: g.name,
      description: g.description,
      members: { agencyIds: g.memberAgencyKeys.map((k) => idOf(agencyIds, k)), userIds: [] },
    });
    agencyIds.set(g.key, group.id);
  }
  const userIds = await loadUsers(ctx, agencyIds, world.users, world.center.referenceDate);
  const loaded = await loadRecords(
    ctx,
    agencyIds,
    userIds,
    first(world.records(), opts.limit),
    opts,
  );
  await vetDemoSars(ctx);
  await loadDemoSites(ctx);
  await loadDemoSources(ctx, agencyIds);
  let retrain: RetrainResult | null = null;
  if (opts.retrain !== false) {
    opts.onRetrain?.(loaded);
    retrain = await retrainResolution(ctx);
  }
  // Embedded PGlite has no autovacuum: give its planner statistics for what was just loaded.
  if (opened.database.kind === 'pglite') await opened.database.db.execute(sql`analyze`);
  // Written last: a database that has this setting holds the whole demo world.
  await updateCenter(ctx.db, ctx.viewer, {
    name: world.center.name,
    settings: { demo: { seed: opts.seed, records: loaded, state: world.center.state } },
  });
  return {
    seeded: true,
    records: loaded,
    personas: DEMO_PERSONAS,
    password: DEMO_PASSWORD,
    retrain,
  };
}

function* first<T>(items: Iterable<T>, limit = Infinity): Generator<T> {
  if (limit <= 0) return;
  let n = 0;
  for (const item of items) {
    yield item;
    if (++n >= limit) return;
  }
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function idOf(ids: Map<string, string>, key: string): string {
  const id = ids.get(key);
  if (!id) throw new Error(`demo world refers to unknown key ${key}`);
  return id;
}

/** The center's own host agency becomes the demo's fusion center; the others are created. */
async function loadAgencies(
  ctx: ServiceContext,
  hostAgencyId: string,
  hostKey: string,
  agencies: readonly DemoAgency[],
) {
  const ids = new Map<string, string>();
  for (const a of agencies) {
    const fields = {
      name: a.name,
      discipline: a.discipline,
      level: a.level,
      ori: a.ori ?? undefined,
      jurisdiction: a.jurisdiction,
      pointsOfContact: a.pointsOfContact,
    };
    const agency =
      a.key === hostKey
        ? await updateAgency(ctx, hostAgencyId, fields)
        : await createAgency(ctx, fields);
    ids.set(a.key, agency.id);
  }
  return ids;
}

async function loadUsers(
  ctx: ServiceContext,
  agencyIds: Map<string, string>,
  users: readonly DemoUser[],
  referenceDate: string,
) {
  const ids = new Map<string, string>();
  const shiftDays = Math.max(
    0,
    Math.floor((ctx.clock.now().getTime() - Date.parse(referenceDate)) / DAY_MS),
  );
  for (const u of users) {
    const trained = u.attributes.nsiTrainedAnalyst;
    const user = await createUser(ctx, {
      agencyId: idOf(agencyIds, u.agencyKey),
      username: u.username,
      displayName: u.displayName,
      email: u.email,
      roles: u.roles,
      // Training dates are written as of the world's reference date; an NSI attestation
      // lapses (sar-vetting.ts), so the accounts carry them as of the day of seeding.
      attributes: { ...u.attributes, nsiTrainedAnalyst: trained && addDays(trained, shiftDays) },
      password: DEMO_PASSWORD,
    });
    ids.set(u.agencyKey, ids.get(u.agencyKey) ?? user.id);
  }
  return ids;
}

async function loadRecords(
  ctx: ServiceContext,
  agencyIds: Map<string, string>,
  authorByAgency: Map<string, string>,
  records: Iterable<DemoRecord>,
  opts: SeedOptions,
) {
  const truth = opts.groundTruthPath ? await openTruth(opts.groundTruthPath) : undefined;
  let batch: DemoRecord[] = [];
  let done = 0;
  const flush = async () => {
    const prepared = batch.map((r) =>
      prepare(r, agencyIds, authorByAgency.get(r.agencyKey) ?? ctx.viewer.userId),
    );
    const inserted = await ctx.db.transaction(async (tx) => {
      const rows = await insertRecords(tx, ctx.centerId, ctx.clock.now(), prepared);
      await appendAudit(tx, { viewer: ctx.viewer, clientIp: null, now: ctx.clock.now() }, [
        {
          action: 'record.bulk_create',
          objectType: 'record',
          objectIds: rows.map((r) => r.id),
          details: { source: 'demo world' },
        },
      ]);
      return rows;
    });
    if (truth)
      await writeTruth(
        truth,
        batch,
        inserted.map((r) => r.observationIds),
      );
    done += batch.length;
    batch = [];
    opts.onProgress?.(done, opts.records);
  };
  for (const r of records) {
    batch.push(r);
    if (batch.length === BATCH) await flush();
  }
  if (batch.length > 0) await flush();
  if (truth) {
    truth.end();
    await finished(truth);
  }
  return done;
}

/** Validated like any record (record-preparation.ts), with demo keys mapped to database ids. */
function prepare(r: DemoRecord, agencyIds: Map<string, string>, authorId: string): PreparedRecord {
  const markings = {
    ...r.body.markings,
    releasableTo: r.releasableToKeys.map((k) => idOf(agencyIds, k)),
  };
  const record = prepareRecord(
    { ...r.body, markings, ...(r.disposition ? { disposition: r.disposition } : {}) },
    {
      ownerAgencyId: idOf(agencyIds, r.agencyKey),
      createdByUserId: authorId,
      source: `demo:${r.agencyKey}`,
      sourceRecordId: r.sourceRecordId,
    },
  );
  return record;
}

async function openTruth(path: string) {
  await mkdir(dirname(path), { recursive: true });
  return createWriteStream(path);
}

async function writeTruth(
  out: NodeJS.WritableStream,
  batch: DemoRecord[],
  observationIds: string[][],
) {
  const lines = batch.flatMap((r, i) =>
    r.entityKeys.map((entityKey, j) =>
      JSON.stringify({
        observationId: observationIds[i]?.[j],
        sourceRecordId: r.sourceRecordId,
        observationIndex: j,
        entityKey,
      }),
    ),
  );
  if (!out.write(lines.join('\n') + '\n')) await once(out, 'drain');
}
