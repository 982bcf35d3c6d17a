CREATE TABLE "search_words" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
-- Search: names and identifiers through a vocabulary (docs/search.md "Names and identifiers").
-- A trigram scan of millions of observations reads the long posting lists of common trigrams
-- (~0.2 s for one surname at 2.4M observations); the vocabulary of distinct words is small,
-- so similar words are found there and then looked up exactly in a word index.
-- Letter-only words are matched by similarity, words with digits (plates, phones, ids) as
-- substrings: one partial trigram index each.
CREATE INDEX "search_words_names_trgm_idx" ON "search_words"
  USING gin ("word" public.gin_trgm_ops) WHERE "word" ~ '^[a-z]+$';--> statement-breakpoint
CREATE INDEX "search_words_identifiers_trgm_idx" ON "search_words"
  USING gin ("word" public.gin_trgm_ops) WHERE "word" ~ '[0-9]';--> statement-breakpoint
CREATE INDEX "observations_search_words_idx" ON "observations"
  USING gin (to_tsvector('simple'::regconfig, "search_text"));--> statement-breakpoint
DROP INDEX IF EXISTS "observations_search_text_idx";--> statement-breakpoint
-- Words in a fixed order, so concurrent writers wait for each other rather than deadlock.
CREATE FUNCTION public.search_words_add() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO public.search_words (word)
  SELECT DISTINCT w.lexeme FROM new_rows n,
    unnest(to_tsvector('simple'::regconfig, coalesce(n.search_text, ''))) w
  ORDER BY w.lexeme
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;--> statement-breakpoint
-- An update rarely changes the text (resolution moves entity ids): only changed rows count.
CREATE FUNCTION public.search_words_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO public.search_words (word)
  SELECT DISTINCT w.lexeme FROM new_rows n JOIN old_rows o ON o.id = n.id,
    unnest(to_tsvector('simple'::regconfig, coalesce(n.search_text, ''))) w
  WHERE n.search_text IS DISTINCT FROM o.search_text
  ORDER BY w.lexeme
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "observations_search_words_insert" AFTER INSERT ON "observations"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION public.search_words_add();--> statement-breakpoint
CREATE TRIGGER "observations_search_words_update" AFTER UPDATE ON "observations"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION public.search_words_change();--> statement-breakpoint
INSERT INTO "search_words" ("word")
SELECT DISTINCT w.lexeme FROM "observations" o,
  unnest(to_tsvector('simple'::regconfig, coalesce(o.search_text, ''))) w
ON CONFLICT DO NOTHING;
