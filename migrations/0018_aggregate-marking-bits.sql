-- Custom SQL migration file, put your code below! --
-- Aggregate markings (hotspots, trends): each record's TLP and caveats as the bits of one
-- integer, so the strictest TLP and every caveat of hundreds of thousands of counted records
-- roll up with one bit_or instead of an array search per caveat per row (about a quarter of
-- a state-wide hotspot query at a million records). Bits 0-4: the TLP, in the order of
-- TLP_LEVELS; bits 8-13: the caveats, in the order of CAVEATS (src/access/markings.ts; a
-- test holds the two orders together: aggregate-marking.test.ts).
CREATE FUNCTION public.record_marking_bits(tlp text, caveats text[]) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT coalesce(1 << (array_position(ARRAY['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'], tlp) - 1), 0)
    | CASE WHEN cardinality(caveats) > 0 THEN
        (CASE WHEN 'LES' = ANY (caveats) THEN 256 ELSE 0 END)
        | (CASE WHEN 'PII' = ANY (caveats) THEN 512 ELSE 0 END)
        | (CASE WHEN 'CRIMINAL_INTEL' = ANY (caveats) THEN 1024 ELSE 0 END)
        | (CASE WHEN 'HEALTH' = ANY (caveats) THEN 2048 ELSE 0 END)
        | (CASE WHEN 'PROPRIETARY' = ANY (caveats) THEN 4096 ELSE 0 END)
        | (CASE WHEN 'SPECIAL_STATUS' = ANY (caveats) THEN 8192 ELSE 0 END)
      ELSE 0 END
$$;--> statement-breakpoint
ALTER TABLE "records" ADD COLUMN "marking_bits" integer
  GENERATED ALWAYS AS (public.record_marking_bits(tlp, caveats)) STORED;--> statement-breakpoint
-- The covering indexes of 0010 carry the bits too, so hotspots stay index-only scans.
DROP INDEX IF EXISTS "records_place_time_idx";--> statement-breakpoint
CREATE INDEX "records_place_time_idx" ON "records" USING btree ("occurred_from", "id") INCLUDE ("h3_cell", "lat", "lon", "kind", "owner_agency_id", "tlp", "caveats", "partner_share", "releasable_to", "marking_bits") WHERE "h3_cell" IS NOT NULL;--> statement-breakpoint
DROP INDEX IF EXISTS "records_lat_lon_idx";--> statement-breakpoint
CREATE INDEX "records_lat_lon_idx" ON "records" USING btree ("lat", "lon") INCLUDE ("id", "occurred_from", "h3_cell", "kind", "owner_agency_id", "tlp", "caveats", "partner_share", "releasable_to", "marking_bits") WHERE "lat" IS NOT NULL;--> statement-breakpoint
-- How many distinct parent cells each resolution has: without these the planner takes a
-- state's few hundred hotspot cells for tens of thousands and sorts every counted record
-- instead of hashing them (one statistics object per resolution a query may group by).
CREATE STATISTICS "records_h3_parent_0" ON (h3_parent(h3_cell, 0)) FROM "records";--> statement-breakpoint
CREATE STATISTICS "records_h3_parent_1" ON (h3_parent(h3_cell, 1)) FROM "records";--> statement-breakpoint
CREATE STATISTICS "records_h3_parent_2" ON (h3_parent(h3_cell, 2)) FROM "records";--> statement-breakpoint
CREATE STATISTICS "records_h3_parent_3" ON (h3_parent(h3_cell, 3)) FROM "records";--> statement-breakpoint
CREATE STATISTICS "records_h3_parent_4" ON (h3_parent(h3_cell, 4)) FROM "records";--> statement-breakpoint
CREATE STATISTICS "records_h3_parent_5" ON (h3_parent(h3_cell, 5)) FROM "records";--> statement-breakpoint
CREATE STATISTICS "records_h3_parent_6" ON (h3_parent(h3_cell, 6)) FROM "records";--> statement-breakpoint
CREATE STATISTICS "records_h3_parent_7" ON (h3_parent(h3_cell, 7)) FROM "records";--> statement-breakpoint
CREATE STATISTICS "records_h3_parent_8" ON (h3_parent(h3_cell, 8)) FROM "records";--> statement-breakpoint
CREATE STATISTICS "records_h3_parent_9" ON (h3_parent(h3_cell, 9)) FROM "records";
