-- Hit detection: each observation carries its record's owner agency (a record's owner never
-- changes), and the entity index leads with the entity and then the agency, so "another
-- agency's holders of this entity" is two index ranges however many observations the writing
-- agency itself holds of it (src/modules/correlation/detect.ts). Filled from the records
-- before it becomes NOT NULL; the record writer sets it from then on.
ALTER TABLE "observations" ADD COLUMN "owner_agency_id" uuid;--> statement-breakpoint
UPDATE "observations" o SET "owner_agency_id" = r."owner_agency_id"
  FROM "records" r WHERE r."id" = o."record_id";--> statement-breakpoint
ALTER TABLE "observations" ALTER COLUMN "owner_agency_id" SET NOT NULL;--> statement-breakpoint
DROP INDEX "observations_entity_idx";--> statement-breakpoint
CREATE INDEX "observations_entity_idx" ON "observations" USING btree ("entity_id","owner_agency_id");
