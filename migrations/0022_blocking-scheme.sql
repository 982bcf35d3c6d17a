-- Resolution: the blocking scheme the stored keys were derived with. Keys written so far are
-- scheme 1; start-up re-derives them when the code's scheme is newer
-- (src/modules/resolution/rekey.ts), as with the place backfill of migration 0006.
CREATE TABLE "blocking_scheme" (
	"id" integer PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"rekeyed_at" timestamp with time zone
);--> statement-breakpoint
INSERT INTO "blocking_scheme" ("id", "version") VALUES (1, 1);
