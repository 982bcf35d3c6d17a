CREATE TABLE "graph_links" (
	"id" uuid PRIMARY KEY NOT NULL,
	"origin_center_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"from_entity_id" uuid NOT NULL,
	"to_entity_id" uuid,
	"to_record_id" uuid,
	"label" text NOT NULL,
	"source" text NOT NULL,
	"owner_agency_id" uuid NOT NULL,
	"created_by_user_id" uuid,
	"tlp" text NOT NULL,
	"caveats" text[] NOT NULL,
	"partner_share" text NOT NULL,
	"network_share" text NOT NULL,
	"releasable_to" uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "graph_links_one_target_check" CHECK (("graph_links"."to_entity_id" is null) <> ("graph_links"."to_record_id" is null)),
	CONSTRAINT "graph_links_tlp_check" CHECK ("graph_links"."tlp" in ('CLEAR','GREEN','AMBER','AMBER+STRICT','RED')),
	CONSTRAINT "graph_links_partner_share_check" CHECK ("graph_links"."partner_share" in ('full','pointer','none')),
	CONSTRAINT "graph_links_network_share_check" CHECK ("graph_links"."network_share" in ('full','pointer','none'))
);
--> statement-breakpoint
ALTER TABLE "graph_links" ADD CONSTRAINT "graph_links_from_entity_id_entities_id_fk" FOREIGN KEY ("from_entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "graph_links" ADD CONSTRAINT "graph_links_to_entity_id_entities_id_fk" FOREIGN KEY ("to_entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "graph_links" ADD CONSTRAINT "graph_links_to_record_id_records_id_fk" FOREIGN KEY ("to_record_id") REFERENCES "public"."records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "graph_links" ADD CONSTRAINT "graph_links_owner_agency_id_agencies_id_fk" FOREIGN KEY ("owner_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "graph_links" ADD CONSTRAINT "graph_links_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "graph_links_from_idx" ON "graph_links" USING btree ("from_entity_id");--> statement-breakpoint
CREATE INDEX "graph_links_to_entity_idx" ON "graph_links" USING btree ("to_entity_id");--> statement-breakpoint
CREATE INDEX "graph_links_to_record_idx" ON "graph_links" USING btree ("to_record_id");--> statement-breakpoint
-- Analyst links keep the entity id the analyst linked. The graph finds the links of a current
-- entity through the entities merged into it (few rows: only merged entities are indexed) and
-- resolves a stored end to its survivor with graph_current_entity().
CREATE INDEX "graph_entities_merged_into_idx" ON "entities" USING btree ("merged_into_id") WHERE "merged_into_id" IS NOT NULL;--> statement-breakpoint
CREATE FUNCTION graph_current_entity(entity uuid) RETURNS uuid
LANGUAGE sql STABLE STRICT PARALLEL SAFE
AS $$
  WITH RECURSIVE chain(id, next, depth) AS (
    SELECT e.id, e.merged_into_id, 0 FROM entities e WHERE e.id = entity
    UNION ALL
    SELECT e.id, e.merged_into_id, c.depth + 1
    FROM entities e JOIN chain c ON e.id = c.next
    WHERE c.depth < 32
  )
  SELECT id FROM chain ORDER BY depth DESC LIMIT 1
$$;
