-- Custom SQL migration file, put your code below! --
-- Search: an index-only scan of an expression index needs the expression's own columns too;
-- entered_at was missing, so the walk still visited the heap. Same index, entered_at included.
DROP INDEX IF EXISTS "records_search_date_idx";--> statement-breakpoint
CREATE INDEX "records_search_date_idx" ON "records" ((coalesce(occurred_from, entered_at)), id)
  INCLUDE (occurred_from, entered_at, kind, status, county_fips, owner_agency_id, tlp, caveats,
    partner_share, releasable_to);
