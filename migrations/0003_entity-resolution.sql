CREATE TABLE "entity_candidates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"entity_a" uuid NOT NULL,
	"entity_b" uuid NOT NULL,
	"observation_a" uuid NOT NULL,
	"observation_b" uuid NOT NULL,
	"probability" double precision NOT NULL,
	"weight" double precision NOT NULL,
	"evidence" jsonb NOT NULL,
	"reason" text,
	"status" text DEFAULT 'open' NOT NULL,
	"decided_by_user_id" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "entity_merges" (
	"id" uuid PRIMARY KEY NOT NULL,
	"entity_id" uuid NOT NULL,
	"absorbed_entity_id" uuid NOT NULL,
	"observation_a" uuid NOT NULL,
	"observation_b" uuid NOT NULL,
	"observation_ids" uuid[] NOT NULL,
	"probability" double precision NOT NULL,
	"weight" double precision NOT NULL,
	"evidence" jsonb NOT NULL,
	"rule" text,
	"decided_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"undone_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "observation_keys" (
	"observation_id" uuid NOT NULL,
	"key" text NOT NULL,
	CONSTRAINT "observation_keys_observation_id_key_pk" PRIMARY KEY("observation_id","key")
);
--> statement-breakpoint
CREATE TABLE "resolution_model" (
	"id" integer PRIMARY KEY NOT NULL,
	"model" jsonb NOT NULL,
	"trained_on" integer NOT NULL,
	"trained_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "entities" ADD COLUMN "merged_into_id" uuid;--> statement-breakpoint
ALTER TABLE "entity_merges" ADD CONSTRAINT "entity_merges_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entity_merges" ADD CONSTRAINT "entity_merges_absorbed_entity_id_entities_id_fk" FOREIGN KEY ("absorbed_entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_keys" ADD CONSTRAINT "observation_keys_observation_id_observations_id_fk" FOREIGN KEY ("observation_id") REFERENCES "public"."observations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "entity_candidates_a_idx" ON "entity_candidates" USING btree ("entity_a");--> statement-breakpoint
CREATE INDEX "entity_candidates_b_idx" ON "entity_candidates" USING btree ("entity_b");--> statement-breakpoint
CREATE INDEX "entity_merges_entity_idx" ON "entity_merges" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "entity_merges_absorbed_idx" ON "entity_merges" USING btree ("absorbed_entity_id");--> statement-breakpoint
CREATE INDEX "observation_keys_key_idx" ON "observation_keys" USING btree ("key");