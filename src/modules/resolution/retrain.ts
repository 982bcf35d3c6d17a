/**
 * Retrain and re-resolve (an admin's action, after data or configuration changed): learn the
 * model from every observation, store it for incremental resolution to use, then re-resolve
 * every observation with it, set-based, respecting what analysts decided. Re-resolution only
 * adds: new 'auto' merges where the new model finds merge-grade evidence (CI-14 included),
 * and new possible associations. It never undoes a merge (an analyst's stays, and so does
 * an earlier automatic one), never joins entities an analyst kept apart (a rejected
 * candidate, a split) and never proposes a pair twice. See retrain-plan.ts.
 *
 * Owns: the retrain as one request. Does not own: training (training.ts), scoring
 * (resolve.ts), the plan (retrain-plan.ts).
 */
import { auditActor, type ServiceContext } from '../../shared/context.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { scoreCandidatePairs } from './resolve.ts';
import { planReResolution } from './retrain-plan.ts';
import {
  analystSeparations,
  insertCandidates,
  lockEntitiesForReResolution,
  recordedCandidatePairs,
  storeModel,
  unsafeCurrentEntities,
  unsafeReadAllObservations,
} from './retrain.repository.ts';
import { applyMergeEvents } from './resolution.repository.ts';
import type { RetrainResult } from './resolution.schemas.ts';
import { train } from './training.ts';

export async function retrainResolution(ctx: ServiceContext): Promise<RetrainResult> {
  // Training and scoring are CPU work: done before the transaction, so that no lock (and on
  // PGlite, its single connection) is held meanwhile. Observations written in between were
  // resolved incrementally; those deleted in between are skipped by the plan.
  const all = await unsafeReadAllObservations(ctx.db);
  const model = train(all);
  const { pairs } = scoreCandidatePairs(model, all);
  return ctx.db.transaction(async (tx) => {
    await lockEntitiesForReResolution(tx);
    const now = ctx.clock.now();
    await storeModel(tx, model, all.length, now);
    const plan = planReResolution({
      observations: await unsafeCurrentEntities(tx),
      pairs,
      keptApart: await analystSeparations(tx),
      proposed: await recordedCandidatePairs(tx),
    });
    await applyMergeEvents(tx, plan.merges, 'auto', now);
    await insertCandidates(tx, plan.candidates, now);
    const result: RetrainResult = {
      trainedOn: all.length,
      trainedAt: now,
      candidatePairs: pairs.length,
      mergesAdded: plan.merges.length,
      candidatesAdded: plan.candidates.length,
      keptApartByAnalysts: plan.keptApart,
      refusedForConflict: plan.conflicts,
    };
    await appendAudit(tx, auditActor(ctx), [
      {
        action: 'resolution.retrain',
        objectType: 'resolution_model',
        details: { ...result, trainedAt: now.toISOString(), read: 'every observation (training)' },
      },
    ]);
    return result;
  });
}
