CREATE TABLE "infrastructure_sites" (
	"id" uuid PRIMARY KEY NOT NULL,
	"origin_center_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"sector" text NOT NULL,
	"lat" double precision NOT NULL,
	"lon" double precision NOT NULL,
	"address" text,
	"radius_km" double precision,
	"county_fips" text,
	"loaded_by_user_id" uuid,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "infrastructure_sites_lat_check" CHECK ("infrastructure_sites"."lat" between -90 and 90),
	CONSTRAINT "infrastructure_sites_lon_check" CHECK ("infrastructure_sites"."lon" between -180 and 180),
	CONSTRAINT "infrastructure_sites_radius_check" CHECK ("infrastructure_sites"."radius_km" > 0 and "infrastructure_sites"."radius_km" <= 500)
);
--> statement-breakpoint
ALTER TABLE "infrastructure_sites" ADD CONSTRAINT "infrastructure_sites_loaded_by_user_id_users_id_fk" FOREIGN KEY ("loaded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "infrastructure_sites_name_key" ON "infrastructure_sites" USING btree ("name");--> statement-breakpoint
CREATE INDEX "hits_record_idx" ON "hits" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "hits_other_record_idx" ON "hits" USING btree ("other_record_id");--> statement-breakpoint
CREATE INDEX "records_place_missing_idx" ON "records" USING btree ("id") WHERE "records"."lat" is not null and "records"."h3_cell" is null;--> statement-breakpoint
-- Geo (issue #4). Hotspots: a state-wide year is an index-only scan of this covering index
-- (time range first; the cell, point and every column the visibility rule reads included),
-- grouped by h3_parent(h3_cell, res). Proximity and small boxes: the lat/lon index. SAR
-- behaviour filters (`payload->'behaviours' @> '["AVIATION"]'`): the GIN index.
CREATE INDEX "records_place_time_idx" ON "records" USING btree ("occurred_from") INCLUDE ("h3_cell", "lat", "lon", "kind", "owner_agency_id", "tlp", "caveats", "partner_share", "releasable_to") WHERE "h3_cell" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "records_lat_lon_idx" ON "records" USING btree ("lat", "lon") WHERE "lat" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "records_behaviours_idx" ON "records" USING gin (("payload" -> 'behaviours') jsonb_path_ops);
