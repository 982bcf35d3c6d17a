ALTER TABLE "entity_candidates" ADD COLUMN "outcome" text;--> statement-breakpoint
CREATE INDEX "entity_candidates_associations_idx" ON "entity_candidates" USING btree ("observation_a","observation_b") WHERE "entity_candidates"."outcome" = 'association';--> statement-breakpoint
-- Backfill: a rejection is its own outcome; what a confirmation did was written to the audit
-- log with it (details.outcome, the candidate's id first among the object ids).
UPDATE "entity_candidates" SET "outcome" = 'rejected' WHERE "status" = 'rejected';--> statement-breakpoint
UPDATE "entity_candidates" c SET "outcome" = a."details"->>'outcome'
FROM "audit_log" a
WHERE c."status" = 'confirmed'
  AND a."action" = 'entity.candidate.confirm'
  AND a."decision" = 'allow'
  AND a."object_ids"[1] = c."id"::text;
