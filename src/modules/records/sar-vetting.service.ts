/**
 * SAR vetting owns the life cycle of SAR records: the transitions (SAR-03) with their actor,
 * time and rationale, the two-step vetting with its roles, attestation and two-person rule
 * (SAR-04, SAR-05), and the queues of SARs waiting for each step. The rule itself is pure
 * (sar-vetting.ts); this loads its facts through the visibility rule, writes the new state,
 * a new record version and the transition, and audits all of it in one transaction. It is
 * the only code that changes a SAR's status. It does not export SARs anywhere (SAR-07's
 * connector comes later; `shared` records that it happened).
 */
import type { Tx } from '../../db/client.ts';
import type { ServiceContext } from '../../shared/context.ts';
import { auditActor } from '../../shared/context.ts';
import { forbidden } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { decodeCursor, toPage } from '../../shared/pagination.ts';
import { appendAudit, type AuditEvent } from '../audit/audit.service.ts';
import { toRecordView } from './record-view.ts';
import { createRecordsRepository, type RecordRow } from './records.repository.ts';
import { denyRead } from './records.service.ts';
import { keepSupersededStates, writeNextVersion } from './records.writer.ts';
import {
  allowedTransitions,
  decideTransition,
  hasPart2Behaviour,
  STEP_ROLE,
  vettingFacts,
  type Refusal,
  type SarState,
  type SarVettingPolicy,
} from './sar-vetting.ts';
import {
  sarAttestationRequired,
  sarIllegalTransition,
  sarNotOwner,
  sarRoleRequired,
  sarTransitionInvalid,
  sarTwoPersonRule,
} from './sar-vetting.errors.ts';
import { loadSarVettingPolicy } from './sar-vetting-policy.ts';
import { createSarVettingRepository, type SarTransitionRow } from './sar-vetting.repository.ts';
import type { SarQueueQuery, SarTransitionBody } from './sar-vetting.schemas.ts';

const behavioursOf = (row: RecordRow): string[] => {
  const b = row.payload['behaviours'];
  return Array.isArray(b) ? b.filter((x): x is string => typeof x === 'string') : [];
};

type Loaded = { row: RecordRow; history: SarTransitionRow[] };

/** A visible SAR (locked for a transition) and its history; undefined when not a visible SAR. */
async function loadSar(tx: Tx, ctx: ServiceContext, id: string, lock: boolean) {
  const row = await createRecordsRepository({ db: tx, viewer: ctx.viewer }).findById(id, {
    forUpdate: lock,
  });
  if (row?.kind !== 'sar') return undefined;
  const history = await createSarVettingRepository({ db: tx, viewer: ctx.viewer }).history(id);
  return { row, history } satisfies Loaded;
}

function factsOf({ row, history }: Loaded) {
  return vettingFacts(row, behavioursOf(row), history);
}

/** The SAR's vetting as this viewer sees it: state, history, and what they may do now. */
function toVettingView(ctx: ServiceContext, loaded: Loaded, policy: SarVettingPolicy) {
  const { row, history } = loaded;
  const behaviours = behavioursOf(row);
  return {
    sarId: row.id,
    status: row.status,
    version: row.version,
    behaviours,
    hasPart2Behaviour: hasPart2Behaviour(behaviours),
    transitions: history.map((h) => ({
      id: h.id,
      fromState: h.fromState as SarState,
      toState: h.toState as SarState,
      at: h.at,
      actor: { userId: h.actorUserId, username: h.actorUsername, agencyId: h.actorAgencyId },
      rationale: h.rationale,
      articulableFacts: h.articulableFacts,
      recordVersion: h.recordVersion,
    })),
    allowedTransitions: allowedTransitions(factsOf(loaded), ctx.viewer, policy, ctx.clock.now()),
    policy,
  };
}

export async function getSarVetting(ctx: ServiceContext, id: string) {
  const policy = await loadSarVettingPolicy(ctx.db);
  const view = await ctx.db.transaction(async (tx) => {
    const loaded = await loadSar(tx, ctx, id, false);
    if (!loaded) return undefined;
    await audit(tx, ctx, [{ action: 'sar.history', objectType: 'record', objectIds: [id] }]);
    return toVettingView(ctx, loaded, policy);
  });
  if (!view) throw await denyRead(ctx, id, 'sar.history');
  return view;
}

type Outcome =
  { invisible: true } | { refusal: Refusal } | { view: ReturnType<typeof toVettingView> };

/**
 * Moves a SAR to `body.to` if the rule allows it: the record's status and version, the
 * version's snapshot, the transition and the audit event commit together. A refusal for the
 * state (409) or the person (403) is audited as a denial in the same transaction as the
 * decision; a request missing what it needs (422) is only answered.
 */
export async function transitionSar(ctx: ServiceContext, id: string, body: SarTransitionBody) {
  const policy = await loadSarVettingPolicy(ctx.db);
  const outcome = await ctx.db.transaction(async (tx): Promise<Outcome> => {
    const loaded = await loadSar(tx, ctx, id, true);
    if (!loaded) return { invisible: true };
    const now = ctx.clock.now();
    const refusal = decideTransition(factsOf(loaded), ctx.viewer, body, policy, now);
    if (refusal) {
      if (refusal.kind !== 'invalid') await auditRefusal(tx, ctx, loaded.row, body.to, refusal);
      return { refusal };
    }
    const applied = await applyTransition(tx, ctx, loaded, body, now);
    return { view: toVettingView(ctx, applied, policy) };
  });
  if ('invisible' in outcome) throw await denyRead(ctx, id, 'sar.transition');
  if ('refusal' in outcome) throw errorFor(outcome.refusal);
  return outcome.view;
}

async function applyTransition(
  tx: Tx,
  ctx: ServiceContext,
  { row, history }: Loaded,
  body: SarTransitionBody,
  now: Date,
): Promise<Loaded> {
  const facts = body.articulableFacts?.trim();
  const next: RecordRow = {
    ...row,
    status: body.to,
    version: row.version + 1,
    // SAR-05: the analyst's articulable facts become the SAR's own.
    payload: facts ? { ...row.payload, articulableFacts: facts } : row.payload,
    updatedAt: now,
  };
  await keepSupersededStates(tx, [row]);
  await writeNextVersion(tx, next, ctx.viewer.userId, now);
  const transition: SarTransitionRow = {
    id: newId(),
    recordId: row.id,
    fromState: row.status,
    toState: body.to,
    actorUserId: ctx.viewer.userId,
    actorUsername: ctx.viewer.username,
    actorAgencyId: ctx.viewer.agencyId,
    at: now,
    rationale: body.rationale.trim(),
    articulableFacts: facts ?? null,
    recordVersion: next.version,
  };
  await createSarVettingRepository({ db: tx, viewer: ctx.viewer }).insert(transition);
  await audit(tx, ctx, [
    {
      action: 'sar.transition',
      objectType: 'record',
      objectIds: [row.id],
      details: {
        from: row.status,
        to: body.to,
        transitionId: transition.id,
        version: next.version,
      },
    },
  ]);
  return { row: next, history: [...history, transition] };
}

function auditRefusal(
  tx: Tx,
  ctx: ServiceContext,
  row: RecordRow,
  to: SarState,
  refusal: Exclude<Refusal, { kind: 'invalid' }>,
) {
  return audit(tx, ctx, [
    {
      action: 'sar.transition',
      objectType: 'record',
      objectIds: [row.id],
      decision: 'deny',
      reason: refusal.message,
      details: {
        from: row.status,
        to,
        rule: refusal.kind === 'illegal' ? 'illegal_transition' : refusal.rule,
      },
    },
  ]);
}

function errorFor(refusal: Refusal) {
  switch (refusal.kind) {
    case 'illegal':
      return sarIllegalTransition(refusal.message);
    case 'invalid':
      return sarTransitionInvalid(`${refusal.path}: ${refusal.message}`, {
        errors: [{ path: refusal.path, message: refusal.message }],
      });
    case 'forbidden':
      switch (refusal.rule) {
        case 'owner':
          return sarNotOwner(refusal.message);
        case 'role':
          return sarRoleRequired(refusal.message);
        case 'attestation':
          return sarAttestationRequired(refusal.message);
        case 'two_person':
          return sarTwoPersonRule(refusal.message);
      }
  }
}

/**
 * SARs waiting for the viewer's vetting step, oldest first: visible ones only and, under the
 * two-person rule, only those the viewer may vet. A viewer without the step's role is
 * refused (403, audited): the step is not theirs.
 */
export async function listSarQueue(ctx: ServiceContext, query: SarQueueQuery) {
  const role = STEP_ROLE[query.step];
  if (!ctx.viewer.roles.includes(role)) {
    await ctx.db.transaction((tx) =>
      audit(tx, ctx, [
        {
          action: 'sar.queue',
          objectType: 'record',
          decision: 'deny',
          reason: `the ${query.step} queue needs ${role}`,
          details: { step: query.step },
        },
      ]),
    );
    throw forbidden(`The ${query.step} queue is for ${role}`);
  }
  const policy = await loadSarVettingPolicy(ctx.db);
  const after = decodeCursor(query.cursor);
  return ctx.db.transaction(async (tx) => {
    const rows = await createSarVettingRepository({ db: tx, viewer: ctx.viewer }).queue({
      step: query.step,
      policy,
      after,
      limit: query.limit + 1,
    });
    const page = toPage(
      rows.map((r) => ({ ...r, id: r.record.id })),
      query.limit,
    );
    await audit(tx, ctx, [
      {
        action: 'sar.queue',
        objectType: 'record',
        objectIds: page.items.map((i) => i.id),
        details: { step: query.step },
      },
    ]);
    return { items: page.items.map((i) => toQueueItem(ctx, i)), nextCursor: page.nextCursor };
  });
}

function toQueueItem(ctx: ServiceContext, i: { record: RecordRow; lastTransitionAt: Date | null }) {
  const r = toRecordView(i.record, ctx.viewer);
  const behaviours = behavioursOf(i.record);
  return {
    id: r.id,
    title: r.title,
    status: r.status as SarState,
    ownerAgencyId: r.ownerAgencyId,
    isOwnAgency: r.isOwnAgency,
    occurredFrom: r.occurredFrom,
    enteredAt: r.enteredAt,
    behaviours,
    hasPart2Behaviour: hasPart2Behaviour(behaviours),
    lastTransitionAt: i.lastTransitionAt,
    markings: r.markings,
  };
}

function audit(tx: Tx, ctx: ServiceContext, events: AuditEvent[]) {
  return appendAudit(tx, auditActor(ctx), events);
}
