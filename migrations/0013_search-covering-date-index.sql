-- Custom SQL migration file, put your code below! --
-- Search: the date-order index also carries what the visibility rule and the cheap filters
-- read, so listing the newest visible records (no text, or filters only) walks the index
-- alone: a restrictive viewer, who skips most rows, no longer pays a heap visit per row.
DROP INDEX IF EXISTS "records_search_date_idx";--> statement-breakpoint
CREATE INDEX "records_search_date_idx" ON "records" ((coalesce(occurred_from, entered_at)), id)
  INCLUDE (occurred_from, kind, status, county_fips, owner_agency_id, tlp, caveats,
    partner_share, releasable_to);
