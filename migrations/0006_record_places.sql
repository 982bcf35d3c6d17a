ALTER TABLE "records" ADD COLUMN "h3_cell" bigint;--> statement-breakpoint
ALTER TABLE "records" ADD COLUMN "county_fips" text;--> statement-breakpoint
-- The parent of a resolution-9 H3 cell at a coarser resolution, by bit mask (H3 index layout:
-- resolution in bits 52-55, then fifteen 3-bit digits; digits finer than the resolution are 7).
-- Immutable and inlinable, so GROUP BY and expression indexes use it without an H3 extension.
CREATE FUNCTION h3_parent(cell bigint, res integer) RETURNS bigint
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT (cell & ~(15::bigint << 52)) | (res::bigint << 52) | ((1::bigint << (3 * (15 - res))) - 1) $$;
