-- Resolution: the blocking scheme the stored keys were derived with. Keys written so far are
-- scheme 1; start-up re-derives them when the code's scheme is newer
-- (src/modules/resolution/rekey.ts), as with the place backfill of migration 0006. A
-- database without observations has no keys to re-derive: start-up records the current
-- scheme for it.
CREATE TABLE "blocking_scheme" (
	"id" integer PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"rekeyed_at" timestamp with time zone
);--> statement-breakpoint
INSERT INTO "blocking_scheme" ("id", "version")
  SELECT 1, 1 WHERE EXISTS (SELECT 1 FROM "observations");
