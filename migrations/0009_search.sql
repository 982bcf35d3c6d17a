CREATE TABLE "saved_searches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"name" text NOT NULL,
	"shared_with_agency" boolean DEFAULT false NOT NULL,
	"query" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_pointer_notices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"record_id" uuid NOT NULL,
	"owner_agency_id" uuid NOT NULL,
	"searcher_user_id" uuid NOT NULL,
	"searcher_agency_id" uuid NOT NULL,
	"purpose" text,
	"day" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "saved_searches" ADD CONSTRAINT "saved_searches_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_searches" ADD CONSTRAINT "saved_searches_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_pointer_notices" ADD CONSTRAINT "search_pointer_notices_record_id_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_pointer_notices" ADD CONSTRAINT "search_pointer_notices_owner_agency_id_agencies_id_fk" FOREIGN KEY ("owner_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_pointer_notices" ADD CONSTRAINT "search_pointer_notices_searcher_user_id_users_id_fk" FOREIGN KEY ("searcher_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_pointer_notices" ADD CONSTRAINT "search_pointer_notices_searcher_agency_id_agencies_id_fk" FOREIGN KEY ("searcher_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "saved_searches_user_idx" ON "saved_searches" USING btree ("user_id","id");--> statement-breakpoint
CREATE INDEX "saved_searches_agency_shared_idx" ON "saved_searches" USING btree ("agency_id","id") WHERE "saved_searches"."shared_with_agency";--> statement-breakpoint
CREATE UNIQUE INDEX "search_pointer_notices_once_a_day" ON "search_pointer_notices" USING btree ("record_id","searcher_user_id","day");--> statement-breakpoint
CREATE INDEX "search_pointer_notices_owner_idx" ON "search_pointer_notices" USING btree ("owner_agency_id","id");--> statement-breakpoint
-- Search (docs/search.md): full text over record titles and narratives, trigram matching over
-- the names and identifiers of observations, both without accents. Every name in these
-- function bodies is schema-qualified: PostgreSQL 17+ builds and maintains indexes with a
-- search_path of pg_catalog only.
CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;--> statement-breakpoint
-- unaccent() is only STABLE (it finds its dictionary through search_path); naming the
-- dictionary makes the result depend on the argument alone, so indexes may use it.
CREATE OR REPLACE FUNCTION public.f_unaccent(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;--> statement-breakpoint
-- Lower case, no accents, each run of anything but a-z and 0-9 made one space.
CREATE FUNCTION public.search_fold(t text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT btrim(regexp_replace(lower(public.f_unaccent(t)), '[^a-z0-9]+', ' ', 'g')) $$;--> statement-breakpoint
-- Identifiers compare without punctuation: ABC-1234, abc 1234 and ABC1234 are one plate.
CREATE FUNCTION public.search_compact(t text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT regexp_replace(lower(public.f_unaccent(t)), '[^a-z0-9]+', '', 'g') $$;--> statement-breakpoint
-- The words a record is found by; the title weighs more than the narrative.
CREATE FUNCTION public.search_record_document(title text, narrative text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT setweight(to_tsvector('english'::regconfig, public.f_unaccent(coalesce(title, ''))), 'A')
      || setweight(to_tsvector('english'::regconfig, public.f_unaccent(coalesce(narrative, ''))), 'B')
$$;--> statement-breakpoint
-- What an observation is found by: names folded to words, identifiers compacted. Physical
-- descriptions, dates of birth and street addresses are left out on purpose.
CREATE FUNCTION public.search_observation_text(a jsonb) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$
  SELECT concat_ws(' ',
    nullif(public.search_fold(concat_ws(' ', a->>'givenName', a->>'middleName', a->>'surname',
      a->>'name', a->>'make', a->>'model', a->>'handle')), ''),
    (SELECT string_agg(public.search_fold(x), ' ') FROM jsonb_array_elements_text(
      CASE jsonb_typeof(a->'aliases') WHEN 'array' THEN a->'aliases' ELSE '[]' END) x),
    (SELECT string_agg(public.search_compact(x), ' ') FROM (
      SELECT unnest(ARRAY[a->>'plate', a->>'vin', a->>'number', a->>'serial', a->>'value',
        CASE jsonb_typeof(a->'address') WHEN 'string' THEN a->>'address' END]) AS x
      UNION ALL SELECT jsonb_array_elements_text(
        CASE jsonb_typeof(a->'phones') WHEN 'array' THEN a->'phones' ELSE '[]' END)
      UNION ALL SELECT jsonb_array_elements_text(
        CASE jsonb_typeof(a->'emails') WHEN 'array' THEN a->'emails' ELSE '[]' END)
      UNION ALL SELECT i->>'value' FROM jsonb_array_elements(
        CASE jsonb_typeof(a->'identifiers') WHEN 'array' THEN a->'identifiers' ELSE '[]' END) i
    ) ids WHERE x IS NOT NULL)
  )
$$;--> statement-breakpoint
ALTER TABLE "records" ADD COLUMN "search_document" tsvector
  GENERATED ALWAYS AS (public.search_record_document(title, narrative)) STORED;--> statement-breakpoint
CREATE INDEX "records_search_document_idx" ON "records" USING gin ("search_document");--> statement-breakpoint
CREATE INDEX "observations_search_text_idx" ON "observations"
  USING gin (public.search_observation_text(attributes) public.gin_trgm_ops);--> statement-breakpoint
-- Date order, and the window of most recent matches: when it happened, else when entered.
CREATE INDEX "records_search_date_idx" ON "records" ((coalesce(occurred_from, entered_at)), id);--> statement-breakpoint
-- The target-sector and county filters (behaviour categories and lat/lon are indexed for geo).
CREATE INDEX "records_search_sectors_idx" ON "records" USING gin ((payload -> 'targetSectors') jsonb_path_ops);--> statement-breakpoint
CREATE INDEX "records_search_county_idx" ON "records" ("county_fips");
