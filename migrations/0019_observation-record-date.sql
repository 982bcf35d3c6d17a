-- Search: each observation carries its record's date (coalesce(occurred_from, entered_at)),
-- so a search's name matches come with their dates from the observations alone, and date
-- slices take the newest of them without a read of every matching record (docs/search.md
-- "Totals, facets and the window"). Filled from the records before it becomes NOT NULL;
-- the record writer keeps it in step from then on.
ALTER TABLE "observations" ADD COLUMN "record_at" timestamp with time zone;--> statement-breakpoint
UPDATE "observations" o SET "record_at" = coalesce(r."occurred_from", r."entered_at")
  FROM "records" r WHERE r."id" = o."record_id";--> statement-breakpoint
ALTER TABLE "observations" ALTER COLUMN "record_at" SET NOT NULL;
