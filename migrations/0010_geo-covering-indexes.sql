-- Custom SQL migration file, put your code below! ---- Geo (issue #4), replacing two indexes of 0008 with covering ones, so a viewer who sees few
-- records is not made to fetch every row of a window or a box from the table: the newest or
-- nearest visible ids come from an index-only scan (the visibility rule's columns are in the
-- index), then only those rows are read. records_place_time_idx keys (occurred_from, id) so the
-- newest-first order is the index's own; records_lat_lon_idx carries the id, the time, the
-- cell and the marking columns for proximity and small boxes.
DROP INDEX IF EXISTS "records_place_time_idx";--> statement-breakpoint
CREATE INDEX "records_place_time_idx" ON "records" USING btree ("occurred_from", "id") INCLUDE ("h3_cell", "lat", "lon", "kind", "owner_agency_id", "tlp", "caveats", "partner_share", "releasable_to") WHERE "h3_cell" IS NOT NULL;--> statement-breakpoint
DROP INDEX IF EXISTS "records_lat_lon_idx";--> statement-breakpoint
CREATE INDEX "records_lat_lon_idx" ON "records" USING btree ("lat", "lon") INCLUDE ("id", "occurred_from", "h3_cell", "kind", "owner_agency_id", "tlp", "caveats", "partner_share", "releasable_to") WHERE "lat" IS NOT NULL;
