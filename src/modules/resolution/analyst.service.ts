/**
 * Analyst decisions on entity resolution: confirm or reject a possible association, split one
 * merge off an entity, merge two entities by hand. Every decision is explainable (a merge
 * stores the pair it stands on and its evidence), reversible (a split puts back exactly what
 * a merge moved) and audited with its rationale in the same transaction; a refused decision
 * is audited as a denial. CI-14 holds for analysts too: a merge needs evidence that meets the
 * minimum rule, otherwise only a possible association may be confirmed.
 *
 * An analyst acts only on what they may see: an entity none of whose observations they see
 * does not exist for them (404); a decision that would touch an observation they cannot see
 * is refused (403 `resolution.not_visible`).
 *
 * Owns: the four decisions. Does not own: automatic resolution (incremental.ts, retrain.ts),
 * entity profiles (the entities module), who may decide (the route's permission).
 */
import type { Db } from '../../db/client.ts';
import { AppError } from '../../shared/errors.ts';
import { auditActor, type ServiceContext } from '../../shared/context.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { entityNotFound } from '../entities/entities.service.ts';
import { strongestEvidence } from './analyst-evidence.ts';
import { currentEntityId } from './evidence.ts';
import { loadModel } from './incremental.ts';
import {
  alreadyMerged,
  alreadySplit,
  candidateDecided,
  candidateNotFound,
  entityChanged,
  insufficientEvidence,
  mergeNotFound,
  notVisible,
  typeMismatch,
} from './resolution.errors.ts';
import {
  applyMergeEvents,
  createResolutionRepository,
  undoMerge,
  type Member,
  type ResolutionRepository,
} from './resolution.repository.ts';
import type {
  CandidateDecision,
  ConfirmCandidateBody,
  MergeEntitiesBody,
  MergeResult,
  RejectCandidateBody,
  SplitEntityBody,
  SplitResult,
} from './resolution.schemas.ts';

type Step = { tx: Db; repo: ResolutionRepository; ctx: ServiceContext; now: Date };
type Decided<T> = { result: T; objectIds: string[]; details: Record<string, unknown> };

/**
 * Runs one decision in a transaction and audits it there; a refusal (any 4xx) rolls the
 * decision back and is audited as a denial in a transaction of its own.
 */
async function decide<T>(
  ctx: ServiceContext,
  action: string,
  attempt: { objectIds: string[]; rationale: string },
  fn: (step: Step) => Promise<Decided<T>>,
): Promise<T> {
  const base = { action, objectType: 'entity' };
  try {
    return await ctx.db.transaction(async (tx) => {
      const repo = createResolutionRepository({ db: tx, viewer: ctx.viewer });
      const done = await fn({ tx, repo, ctx, now: ctx.clock.now() });
      await appendAudit(tx, auditActor(ctx), [
        {
          ...base,
          objectIds: done.objectIds,
          details: { rationale: attempt.rationale, ...done.details },
        },
      ]);
      return done.result;
    });
  } catch (err) {
    if (err instanceof AppError && err.status < 500) {
      await ctx.db.transaction((tx) =>
        appendAudit(tx, auditActor(ctx), [
          {
            ...base,
            objectIds: attempt.objectIds,
            decision: 'deny',
            reason: err.code,
            details: { rationale: attempt.rationale, detail: err.message, ...err.details },
          },
        ]),
      );
    }
    throw err;
  }
}

export function confirmCandidate(ctx: ServiceContext, id: string, body: ConfirmCandidateBody) {
  const attempt = { objectIds: [id], rationale: body.rationale };
  return decide(ctx, 'entity.candidate.confirm', attempt, async (step) => {
    const { candidate, a, b } = await openCandidate(step, id);
    let outcome: CandidateDecision['outcome'] = 'already_merged';
    let merge: MergeResult | null = null;
    if (a !== b && body.association) outcome = 'association';
    else if (a !== b) {
      // The entity with more observations survives; on a tie, the candidate's first.
      merge = await mergeChecked(step, a, b, { largerSurvives: true });
      outcome = 'merged';
    }
    const result: CandidateDecision = {
      candidateId: candidate.id,
      status: 'confirmed',
      outcome,
      merge,
    };
    await step.repo.decideCandidate(candidate.id, result, step.now);
    const details = { outcome, ...(merge ? { mergeId: merge.mergeId } : {}) };
    return { result, objectIds: [id, a, b], details };
  });
}

export function rejectCandidate(ctx: ServiceContext, id: string, body: RejectCandidateBody) {
  const attempt = { objectIds: [id], rationale: body.rationale };
  return decide(ctx, 'entity.candidate.reject', attempt, async (step) => {
    const { candidate, a, b } = await openCandidate(step, id);
    if (a === b) throw alreadyMerged('These are one entity now: split the merge instead');
    const result: CandidateDecision = {
      candidateId: candidate.id,
      status: 'rejected',
      outcome: 'rejected',
      merge: null,
    };
    await step.repo.decideCandidate(candidate.id, result, step.now);
    return { result, objectIds: [id, a, b], details: {} };
  });
}

export function mergeEntities(ctx: ServiceContext, entityId: string, body: MergeEntitiesBody) {
  const attempt = { objectIds: [entityId, body.otherEntityId], rationale: body.rationale };
  return decide(ctx, 'entity.merge', attempt, async (step) => {
    const survivor = await currentEntityId(step.tx, entityId);
    const absorbed = await currentEntityId(step.tx, body.otherEntityId);
    const merge = await mergeChecked(step, survivor, absorbed);
    return {
      result: merge,
      objectIds: [survivor, absorbed, merge.mergeId],
      details: { mergeId: merge.mergeId, rule: merge.rule, moved: merge.observationIds.length },
    };
  });
}

export function splitEntity(ctx: ServiceContext, entityId: string, body: SplitEntityBody) {
  const attempt = { objectIds: [entityId, body.mergeId], rationale: body.rationale };
  return decide(ctx, 'entity.split', attempt, async ({ tx, repo, now }) => {
    const root = await currentEntityId(tx, entityId);
    const merge = await repo.lockMerge(body.mergeId);
    const locked = await lockCurrent(repo, merge ? [root, merge.absorbedEntityId] : [root], [root]);
    const members = locked.members.filter((m) => m.entityId === root);
    if (!members.some((m) => m.visible)) throw entityNotFound();
    if (!merge || (await currentEntityId(tx, merge.entityId)) !== root) throw mergeNotFound();
    if (merge.undoneAt) throw alreadySplit();
    // Only what the merge moved and is still here goes back: later merges stay as they are.
    const here = new Set(members.map((m) => m.id));
    const moving = merge.observationIds.filter((o) => here.has(o));
    const touched = await repo.observations([...moving, merge.observationA, merge.observationB]);
    requireAllVisible(touched);
    await undoMerge(tx, merge, moving, now);
    const result: SplitResult = {
      mergeId: merge.id,
      entityId: root,
      restoredEntityId: merge.absorbedEntityId,
      observationIds: moving,
    };
    return {
      result,
      objectIds: [root, merge.absorbedEntityId, merge.id],
      details: { mergeId: merge.id, moved: moving.length, decidedBy: merge.decidedBy },
    };
  });
}

/** An open candidate the viewer may see both sides of, with its entities as they are now. */
async function openCandidate({ tx, repo }: Step, id: string) {
  const candidate = await repo.lockCandidate(id);
  if (!candidate) throw candidateNotFound();
  const pair = await repo.observations([candidate.observationA, candidate.observationB]);
  if (!pair.some((o) => o.visible)) throw candidateNotFound();
  requireAllVisible(pair);
  if (candidate.status !== 'open') throw candidateDecided(`It was ${candidate.status}`);
  const a = await currentEntityId(tx, candidate.entityA);
  const b = await currentEntityId(tx, candidate.entityB);
  return { candidate, a, b };
}

/**
 * Merges `absorbed` into `survivor` as the viewer's decision: both visible in full, the same
 * type, and the strongest pair across them meeting the CI-14 minimum.
 */
async function mergeChecked(
  step: Step,
  first: string,
  second: string,
  opts: { largerSurvives?: boolean } = {},
): Promise<MergeResult> {
  const { tx, repo, ctx, now } = step;
  const { entities: locked, members } = await lockCurrent(repo, [first, second], [first, second]);
  const of = (e: string) => members.filter((m) => m.entityId === e);
  if (!of(first).some((m) => m.visible)) throw entityNotFound();
  if (!of(second).some((m) => m.visible)) throw entityNotFound();
  if (first === second) throw alreadyMerged();
  requireAllVisible(members);
  if (new Set(locked.map((e) => e.type)).size > 1) throw typeMismatch();
  const swap = opts.largerSurvives === true && of(second).length > of(first).length;
  const [survivor, absorbed] = swap ? [second, first] : [first, second];
  const link = await ci14Link(tx, of(survivor), of(absorbed));
  const events = [{ survivor, absorbed, link }];
  const [applied] = await applyMergeEvents(tx, events, ctx.viewer.userId, now);
  if (!applied) throw entityChanged();
  return {
    mergeId: applied.id,
    entityId: survivor,
    absorbedEntityId: absorbed,
    observationIds: applied.observationIds,
    observationA: link.a,
    observationB: link.b,
    rule: link.rule,
    probability: link.score.probability,
    evidence: link.score.evidence,
  };
}

/** The strongest pair meeting a CI-14 rule, scored with the stored model; or the refusal. */
async function ci14Link(tx: Db, xs: readonly Member[], ys: readonly Member[]) {
  const found = strongestEvidence(await loadModel(tx), xs, ys);
  if (!found?.rule) {
    throw insufficientEvidence(describeMissing(found?.missing ?? []), {
      missingEvidence: found?.missing ?? [],
      ...(found ? { observationA: found.link.a, observationB: found.link.b } : {}),
    });
  }
  return { ...found.link, rule: found.rule };
}

/** Locks the entities; those in `current` must exist and not have been merged meanwhile. */
async function lockCurrent(repo: ResolutionRepository, ids: string[], current: string[]) {
  const locked = await repo.lockForDecision(ids);
  for (const id of current) {
    const row = locked.entities.find((e) => e.id === id);
    if (!row) throw entityNotFound();
    if (row.mergedIntoId !== null) throw entityChanged();
  }
  return locked;
}

function requireAllVisible(touched: readonly Member[]): void {
  const hidden = touched.filter((m) => !m.visible).length;
  if (hidden > 0) {
    throw notVisible(
      `${hidden} of the observations this touches are in records you may not see; ask their owning agency`,
    );
  }
}

function describeMissing(missing: readonly { rule: string; missing: string[] }[]): string {
  const closest = missing[0];
  if (!closest) return 'No pair of observations across the two entities can be compared';
  return `Closest rule "${closest.rule}" lacks agreement on: ${closest.missing.join(', ')}. Confirm it as a possible association instead.`;
}
