-- Stored copies of an article (issue 10, found by the pipeline benchmark's slow-statement log).
--
-- Every read of an article lists its stored copies (`duplicate_of = $1`), and so does every briefing input and
-- every enrichment; without an index each of those read the whole articles table (70–110 ms at 10,500 articles
-- under load, linear in the corpus). Partial: most articles are no one's copy. The foreign key's checks when an
-- original is deleted use it too.
CREATE INDEX IF NOT EXISTS "articles_duplicate_of_idx" ON "articles" USING btree ("duplicate_of") WHERE "duplicate_of" IS NOT NULL;
