import {
  and,
  asc,
  eq,
  gt,
  inArray,
  isNull,
  max,
  ne,
  notExists,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Viewer } from '../../access/viewer.ts';
import { visibleTo } from '../../access/visibility.ts';
import { records, sarTransitions } from './records.table.ts';
import { STEP_WAITING_STATES, type SarVettingPolicy, type VettingStep } from './sar-vetting.ts';

export type SarTransitionRow = typeof sarTransitions.$inferSelect;

/**
 * Vetting reads and writes for one viewer. The queue joins the visibility rule; the history
 * and the insert are for a SAR the caller has already found visible (records repository).
 */
export function createSarVettingRepository({ db, viewer }: { db: Db; viewer: Viewer }) {
  return {
    /** A SAR's transitions, oldest first. */
    history(recordId: string): Promise<SarTransitionRow[]> {
      return db
        .select()
        .from(sarTransitions)
        .where(eq(sarTransitions.recordId, recordId))
        .orderBy(asc(sarTransitions.id));
    },

    async insert(row: SarTransitionRow): Promise<void> {
      await db.insert(sarTransitions).values(row);
    },

    /**
     * SARs waiting for one vetting step that the viewer may see (and, under the two-person
     * rule, may vet), oldest first, after the cursor id.
     */
    queue(query: {
      step: VettingStep;
      policy: SarVettingPolicy;
      after: string | undefined;
      limit: number;
    }) {
      const conditions: (SQL | undefined)[] = [
        eq(records.kind, 'sar'),
        inArray(records.status, [...STEP_WAITING_STATES[query.step]]),
        visibleTo(viewer, records),
        query.after ? gt(records.id, query.after) : undefined,
        query.policy.twoPersonVetting ? mayVet(db, viewer, query.step) : undefined,
      ];
      const lastTransitionAt = db
        .select({ at: max(sarTransitions.at) })
        .from(sarTransitions)
        .where(eq(sarTransitions.recordId, records.id));
      return db
        .select({
          record: records,
          lastTransitionAt: sql<Date | null>`(${lastTransitionAt})`.mapWith(sarTransitions.at),
        })
        .from(records)
        .where(and(...conditions))
        .orderBy(asc(records.id))
        .limit(query.limit);
    },
  };
}

/**
 * Transitions into these states make their actor unable to vet at each step under the
 * two-person rule: the submitter vets neither step, the Part 1 decider not Part 2.
 */
const DISQUALIFYING: Readonly<Record<VettingStep, readonly string[]>> = {
  initial_review: ['submitted'],
  analyst_review: ['submitted', 'analyst_review'],
};

/**
 * The two-person rule of `permissionFor` (sar-vetting.ts) in SQL, so that a queue page holds
 * only SARs the viewer may act on: not its author, not its submitter, and for Part 2 not
 * the one who made the Part 1 decision.
 */
function mayVet(db: Db, viewer: Viewer, step: VettingStep) {
  return and(
    or(isNull(records.createdByUserId), ne(records.createdByUserId, viewer.userId)),
    notExists(
      db
        .select({ one: sql`1` })
        .from(sarTransitions)
        .where(
          and(
            eq(sarTransitions.recordId, records.id),
            eq(sarTransitions.actorUserId, viewer.userId),
            inArray(sarTransitions.toState, [...DISQUALIFYING[step]]),
          ),
        ),
    ),
  );
}
