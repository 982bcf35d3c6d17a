-- Search: a narrow index on the record date alone. A date slice ANDs a range of dates with
-- the text index; read from the wide covering index (records_search_date_idx, every column
-- the visibility rule reads), 120 days of a million records is about 4,000 pages, from this
-- one about 600.
CREATE INDEX "records_date_idx" ON "records" ((coalesce(occurred_from, entered_at)));
