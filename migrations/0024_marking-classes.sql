-- Marking classes (ADR 0010): every combination of the five columns the visibility rule reads
-- (owner, TLP, caveats, partner share, releasable-to) that some record carries, so hotspots,
-- trends and search apply the rule once per class and filter records with one hashed lookup
-- of `marking_class`. A long migration on a large database: it rewrites every record once
-- and rebuilds the two covering geo indexes (like 0019 and 0021).
CREATE TABLE "marking_classes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "marking_classes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"owner_agency_id" uuid NOT NULL,
	"tlp" text NOT NULL,
	"caveats" text[] NOT NULL,
	"partner_share" text NOT NULL,
	"releasable_to" uuid[] NOT NULL
);
--> statement-breakpoint
ALTER TABLE "marking_classes" ADD CONSTRAINT "marking_classes_owner_agency_id_agencies_id_fk" FOREIGN KEY ("owner_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "marking_classes_values_key" ON "marking_classes" USING btree ("owner_agency_id","tlp","caveats","partner_share","releasable_to");--> statement-breakpoint
INSERT INTO "marking_classes" ("owner_agency_id", "tlp", "caveats", "partner_share", "releasable_to")
  SELECT DISTINCT "owner_agency_id", "tlp", "caveats", "partner_share", "releasable_to" FROM "records";--> statement-breakpoint
ALTER TABLE "records" ADD COLUMN "marking_class" integer;--> statement-breakpoint
UPDATE "records" r SET "marking_class" = c."id" FROM "marking_classes" c
  WHERE c."owner_agency_id" = r."owner_agency_id" AND c."tlp" = r."tlp" AND c."caveats" = r."caveats"
    AND c."partner_share" = r."partner_share" AND c."releasable_to" = r."releasable_to";--> statement-breakpoint
ALTER TABLE "records" ALTER COLUMN "marking_class" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "records" ADD CONSTRAINT "records_marking_class_marking_classes_id_fk" FOREIGN KEY ("marking_class") REFERENCES "public"."marking_classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The class follows the record's own columns in the statement that writes them, whatever
-- writes them (the writer, an edit of markings, a bench copy), and a value set by hand is
-- overwritten: a record can never sit in another combination's class. A new combination is
-- added under one transaction lock, so two writers that each bring two new classes wait for
-- each other instead of deadlocking on the unique index; a writer that finds its class
-- takes no lock at all.
CREATE FUNCTION public.record_marking_class() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  found integer;
BEGIN
  SELECT c.id INTO found FROM public.marking_classes c
   WHERE c.owner_agency_id = NEW.owner_agency_id AND c.tlp = NEW.tlp AND c.caveats = NEW.caveats
     AND c.partner_share = NEW.partner_share AND c.releasable_to = NEW.releasable_to;
  IF found IS NULL THEN
    PERFORM pg_advisory_xact_lock(7472617362210024);
    INSERT INTO public.marking_classes (owner_agency_id, tlp, caveats, partner_share, releasable_to)
      VALUES (NEW.owner_agency_id, NEW.tlp, NEW.caveats, NEW.partner_share, NEW.releasable_to)
      ON CONFLICT DO NOTHING RETURNING id INTO found;
    IF found IS NULL THEN
      SELECT c.id INTO found FROM public.marking_classes c
       WHERE c.owner_agency_id = NEW.owner_agency_id AND c.tlp = NEW.tlp AND c.caveats = NEW.caveats
         AND c.partner_share = NEW.partner_share AND c.releasable_to = NEW.releasable_to;
    END IF;
  END IF;
  NEW.marking_class := found;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "records_marking_class_insert" BEFORE INSERT ON "records"
  FOR EACH ROW EXECUTE FUNCTION public.record_marking_class();--> statement-breakpoint
CREATE TRIGGER "records_marking_class_update" BEFORE UPDATE OF
  "owner_agency_id", "tlp", "caveats", "partner_share", "releasable_to", "marking_class" ON "records"
  FOR EACH ROW EXECUTE FUNCTION public.record_marking_class();--> statement-breakpoint
-- The covering geo indexes carry the class instead of the five columns: narrower entries,
-- and the rule is read off the class (src/modules/geo/geo.repository.ts).
DROP INDEX IF EXISTS "records_place_time_idx";--> statement-breakpoint
CREATE INDEX "records_place_time_idx" ON "records" USING btree ("occurred_from", "id") INCLUDE ("h3_cell", "lat", "lon", "kind", "owner_agency_id", "marking_class", "marking_bits") WHERE "h3_cell" IS NOT NULL;--> statement-breakpoint
DROP INDEX IF EXISTS "records_lat_lon_idx";--> statement-breakpoint
CREATE INDEX "records_lat_lon_idx" ON "records" USING btree ("lat", "lon") INCLUDE ("id", "occurred_from", "h3_cell", "kind", "owner_agency_id", "marking_class", "marking_bits") WHERE "lat" IS NOT NULL;
--> statement-breakpoint
-- Search's covering date index likewise: its walk reads the class, not the five columns.
DROP INDEX IF EXISTS "records_search_date_idx";--> statement-breakpoint
CREATE INDEX "records_search_date_idx" ON "records" ((coalesce(occurred_from, entered_at)), id)
  INCLUDE (occurred_from, entered_at, kind, status, county_fips, owner_agency_id, marking_class);
