/**
 * The records module owns reports of every kind, their kind-specific payloads and their
 * version history. Reads go through the visibility rule in the repository; every read,
 * change and denial is audited in the same transaction. It does not resolve entities or
 * correlate across agencies: observations are written here, resolution happens later.
 */
import { markingColumns } from '../../access/markings.ts';
import { inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { needsStatedPurpose } from '../../access/policy.ts';
import type { ServiceContext } from '../../shared/context.ts';
import { auditActor } from '../../shared/context.ts';
import { isUniqueViolation } from '../../shared/errors.ts';
import { decodeCursor, toPage } from '../../shared/pagination.ts';
import { appendAudit, type AuditEvent } from '../audit/audit.service.ts';
import { agencies } from '../agencies/agencies.table.ts';
import { sharingGroups } from '../sharing-groups/sharing-groups.table.ts';
import { toRecordView } from './record-view.ts';
import { checkPeriod, prepareRecord, SAR_STATUS_BY_TRANSITION } from './record-preparation.ts';
import { recordInvalid, validateRecordContent } from './record-validation.ts';
import {
  duplicateSourceRecord,
  notOwner,
  purposeRequired,
  recordNotFound,
  versionConflict,
} from './records.errors.ts';
import {
  createRecordsRepository,
  unsafeFindRecordMarking,
  type RecordRow,
} from './records.repository.ts';
import type { CreateRecordBody, ListRecordsQuery, UpdateRecordBody } from './records.schemas.ts';
import { remineNarrative } from './narrative-edit.ts';
import { snapshotOf } from './record-rows.ts';
import { insertRecords, keepSupersededStates, writeNextVersion } from './records.writer.ts';
import { placeColumns } from '../geo/place.ts';

const date = (s: string | null | undefined) => (s ? new Date(s) : null);

export async function createRecord(ctx: ServiceContext, body: CreateRecordBody) {
  const prepared = prepareRecord(body, {
    ownerAgencyId: ctx.viewer.agencyId,
    createdByUserId: ctx.viewer.userId,
    source: `agency:${ctx.viewer.agencyId}`,
    sourceRecordId: body.sourceRecordId ?? null,
  });
  await checkReleasableTo(ctx.db, body.markings.releasableTo);
  const now = ctx.clock.now();
  try {
    const id = await ctx.db.transaction(async (tx) => {
      const [inserted] = await insertRecords(tx, ctx.centerId, now, [prepared]);
      await appendAudit(tx, auditActor(ctx), [
        {
          action: 'record.create',
          objectType: 'record',
          objectIds: [inserted!.id],
          details: { kind: body.kind, tlp: body.markings.tlp, caveats: body.markings.caveats },
        },
      ]);
      return inserted!.id;
    });
    return await getRecord(ctx, id, { audit: false });
  } catch (err) {
    if (isUniqueViolation(err))
      throw duplicateSourceRecord(
        `Your agency already has a record with sourceRecordId '${body.sourceRecordId ?? ''}'`,
      );
    throw err;
  }
}

/** One record with its observations, or 404 (invisible = missing), or 403 for CI-07. */
export async function getRecord(ctx: ServiceContext, id: string, opts: { audit?: boolean } = {}) {
  const view = await ctx.db.transaction(async (tx) => {
    const repo = createRecordsRepository({ db: tx, viewer: ctx.viewer });
    const row = await repo.findById(id);
    if (!row) return undefined;
    const obs = await repo.observationsOf([row.id]);
    if (opts.audit !== false)
      await audit(tx, ctx, [{ action: 'record.read', objectType: 'record', objectIds: [row.id] }]);
    return { ...toRecordView(row, ctx.viewer), observations: obs };
  });
  if (!view) throw await denyRead(ctx, id, 'record.read');
  return view;
}

/** Audits a refused access in its own transaction and returns the error to answer with. */
export async function denyRead(ctx: ServiceContext, id: string, action: string) {
  const marking = await unsafeFindRecordMarking(ctx.db, id);
  const purpose = marking !== undefined && needsStatedPurpose(ctx.viewer, marking);
  await ctx.db.transaction((tx) =>
    audit(tx, ctx, [
      {
        action,
        objectType: 'record',
        objectIds: [id],
        decision: 'deny',
        reason: purpose
          ? 'no stated purpose for criminal intelligence (CI-07)'
          : 'not visible or missing',
      },
    ]),
  );
  return purpose
    ? purposeRequired(
        'Send the X-Purpose header with your need to know (a case number or justification)',
      )
    : recordNotFound();
}

export async function listRecords(ctx: ServiceContext, query: ListRecordsQuery) {
  const { cursor, limit, ...filter } = query;
  const after = decodeCursor(cursor);
  return ctx.db.transaction(async (tx) => {
    const rows = await createRecordsRepository({ db: tx, viewer: ctx.viewer }).list(
      filter,
      after,
      limit + 1,
    );
    const page = toPage(rows, limit);
    await audit(tx, ctx, [
      {
        action: 'record.list',
        objectType: 'record',
        objectIds: page.items.map((r) => r.id),
        details: { filter },
      },
    ]);
    return {
      items: page.items.map((r) => toRecordView(r, ctx.viewer)),
      nextCursor: page.nextCursor,
    };
  });
}

export async function listRecordVersions(ctx: ServiceContext, id: string) {
  const versions = await ctx.db.transaction(async (tx) => {
    const repo = createRecordsRepository({ db: tx, viewer: ctx.viewer });
    const record = await repo.findById(id);
    if (!record) return undefined;
    await audit(tx, ctx, [{ action: 'record.versions', objectType: 'record', objectIds: [id] }]);
    const stored = await repo.versionsOf(id);
    // The current version's state is the live record (ADR 0011).
    const live = snapshotOf(record, await repo.observationsOf([id]));
    return stored.map((v) => ({ ...v, snapshot: v.snapshot ?? live }));
  });
  if (!versions) throw await denyRead(ctx, id, 'record.versions');
  return { items: versions };
}

type UpdateOutcome = 'updated' | 'invisible' | 'not_owner' | { staleVersion: number };

export async function updateRecord(ctx: ServiceContext, id: string, body: UpdateRecordBody) {
  if (body.markings) await checkReleasableTo(ctx.db, body.markings.releasableTo);
  const outcome = await ctx.db.transaction(async (tx): Promise<UpdateOutcome> => {
    const repo = createRecordsRepository({ db: tx, viewer: ctx.viewer });
    const row = await repo.findById(id, { forUpdate: true });
    if (!row) return 'invisible';
    if (row.ownerAgencyId !== ctx.viewer.agencyId) return 'not_owner';
    if (row.version !== body.version) return { staleVersion: row.version };
    await applyUpdate(tx, ctx, row, body);
    return 'updated';
  });
  if (outcome === 'invisible') throw await denyRead(ctx, id, 'record.update');
  if (outcome === 'not_owner') {
    await ctx.db.transaction((tx) =>
      audit(tx, ctx, [
        {
          action: 'record.update',
          objectType: 'record',
          objectIds: [id],
          decision: 'deny',
          reason: 'not the owning agency',
        },
      ]),
    );
    throw notOwner();
  }
  if (outcome !== 'updated') {
    throw versionConflict(
      `You sent version ${body.version}; the record is at version ${outcome.staleVersion}`,
    );
  }
  return getRecord(ctx, id, { audit: false });
}

async function applyUpdate(tx: Tx, ctx: ServiceContext, row: RecordRow, body: UpdateRecordBody) {
  if (row.kind === 'sar' && body.status !== undefined && body.status !== row.status) {
    throw recordInvalid("A SAR's status changes only through its life cycle", {
      errors: [{ path: 'status', message: SAR_STATUS_BY_TRANSITION }],
    });
  }
  const status = body.status ?? row.status;
  const payload = validateRecordContent(row.kind, body.payload ?? row.payload, [], status).payload;
  const occurredFrom = body.occurredFrom === undefined ? row.occurredFrom : date(body.occurredFrom);
  const occurredTo = body.occurredTo === undefined ? row.occurredTo : date(body.occurredTo);
  checkPeriod(occurredFrom?.toISOString(), occurredTo?.toISOString());
  const location =
    body.location === undefined
      ? row.lat !== null && row.lon !== null
        ? { lat: row.lat, lon: row.lon, address: row.address ?? undefined }
        : null
      : body.location;
  const now = ctx.clock.now();
  const m = body.markings;
  const next = {
    ...row,
    version: row.version + 1,
    title: body.title ?? row.title,
    narrative: body.narrative ?? row.narrative,
    occurredFrom,
    occurredTo,
    lat: location?.lat ?? null,
    lon: location?.lon ?? null,
    address: location?.address ?? null,
    ...placeColumns(location),
    ...(m ? markingColumns(m) : {}),
    payload,
    status,
    disposition: body.disposition === undefined ? row.disposition : body.disposition,
    notifyOwnerOnHit: body.notifyOwnerOnHit ?? row.notifyOwnerOnHit,
    updatedAt: now,
  };
  // Before the narrative's mentions are mined again: the version being replaced keeps them.
  await keepSupersededStates(tx, [row]);
  if (next.narrative !== row.narrative) await remineNarrative(tx, ctx.centerId, next, now);
  await writeNextVersion(tx, next, ctx.viewer.userId, now);
  const fields = Object.keys(body).filter((k) => k !== 'version');
  await audit(tx, ctx, [
    {
      action: 'record.update',
      objectType: 'record',
      objectIds: [row.id],
      details: { fields, version: next.version },
    },
  ]);
}

/** releasableTo may name agencies and sharing groups that exist, nothing else. */
export async function checkReleasableTo(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return;
  const found = await db
    .select({ id: agencies.id })
    .from(agencies)
    .where(inArray(agencies.id, [...ids]))
    .union(
      db
        .select({ id: sharingGroups.id })
        .from(sharingGroups)
        .where(inArray(sharingGroups.id, [...ids])),
    );
  const known = new Set(found.map((f) => f.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw recordInvalid(
      `markings.releasableTo names ${unknown.length} unknown agency or sharing group`,
      {
        errors: unknown.map((id) => ({
          path: 'markings.releasableTo',
          message: `unknown agency or sharing group ${id}`,
        })),
      },
    );
  }
}

function audit(tx: Tx, ctx: ServiceContext, events: AuditEvent[]) {
  return appendAudit(tx, auditActor(ctx), events);
}
