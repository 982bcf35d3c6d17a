-- The current version's state is the live record (ADR 0011): its snapshot is written only when
-- the next version supersedes it. Snapshots already stored for current versions equal the live
-- rows they were written with and stay; rewriting them all would cost a center a full pass
-- over record_versions for no change in what the history shows.
ALTER TABLE "record_versions" ALTER COLUMN "snapshot" DROP NOT NULL;
