-- Custom SQL migration file, put your code below! --
-- Search: names also match by how they sound (Double Metaphone, fuzzystrmatch): "Jon Smyth"
-- finds John Smith, which trigram similarity alone does not (0.33 for smyth ~ smith). Each
-- letter word of the vocabulary keeps its code; a name token's codes are looked up exactly.
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch WITH SCHEMA public;--> statement-breakpoint
ALTER TABLE "search_words" ADD COLUMN "sound" text
  GENERATED ALWAYS AS (CASE WHEN word ~ '^[a-z]+$' THEN public.dmetaphone(word) END) STORED;--> statement-breakpoint
CREATE INDEX "search_words_sound_idx" ON "search_words" ("sound") WHERE "sound" IS NOT NULL;
