-- Blocking keys are derived data written next to their observations: a foreign key checked
-- per key row (about 14 per record) doubled the cost of an ingest's largest insert. Keys
-- still go with their observations: one statement-level trigger deletes the keys of every
-- deleted observation (a narrative edit, a changed source row, a purged record's cascade).
ALTER TABLE "observation_keys" DROP CONSTRAINT "observation_keys_observation_id_observations_id_fk";--> statement-breakpoint
CREATE FUNCTION public.observation_keys_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM public.observation_keys k USING old_rows o WHERE k.observation_id = o.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "observations_keys_delete" AFTER DELETE ON "observations"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION public.observation_keys_delete();
