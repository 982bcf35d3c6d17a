-- Search: each observation carries its record's date (coalesce(occurred_from, entered_at)),
-- so the name branch of a search can take the newest matches a date slice at a time — a
-- bitmap AND of the word index with this one — instead of reading every observation that
-- matches and then each of their records (docs/search.md "Performance"). Filled from the
-- records before it becomes NOT NULL; the record writer keeps it in step from then on.
ALTER TABLE "observations" ADD COLUMN "record_at" timestamp with time zone;--> statement-breakpoint
UPDATE "observations" o SET "record_at" = coalesce(r."occurred_from", r."entered_at")
  FROM "records" r WHERE r."id" = o."record_id";--> statement-breakpoint
ALTER TABLE "observations" ALTER COLUMN "record_at" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "observations_record_at_idx" ON "observations" USING btree ("record_at");
