CREATE TABLE "sar_transitions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"record_id" uuid NOT NULL,
	"from_state" text NOT NULL,
	"to_state" text NOT NULL,
	"actor_user_id" uuid NOT NULL,
	"actor_username" text NOT NULL,
	"actor_agency_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"rationale" text NOT NULL,
	"articulable_facts" text,
	"record_version" integer NOT NULL,
	CONSTRAINT "sar_transitions_rationale_check" CHECK (length(btrim("sar_transitions"."rationale")) > 0),
	CONSTRAINT "sar_transitions_from_check" CHECK ("sar_transitions"."from_state" in ('draft','submitted','initial_review','rejected','analyst_review','no_nexus','ise_sar','shared','withdrawn')),
	CONSTRAINT "sar_transitions_to_check" CHECK ("sar_transitions"."to_state" in ('draft','submitted','initial_review','rejected','analyst_review','no_nexus','ise_sar','shared','withdrawn'))
);
--> statement-breakpoint
ALTER TABLE "sar_transitions" ADD CONSTRAINT "sar_transitions_record_id_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sar_transitions" ADD CONSTRAINT "sar_transitions_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sar_transitions" ADD CONSTRAINT "sar_transitions_actor_agency_id_agencies_id_fk" FOREIGN KEY ("actor_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sar_transitions_record_idx" ON "sar_transitions" USING btree ("record_id","id");