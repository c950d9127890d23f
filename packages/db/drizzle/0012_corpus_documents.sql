-- How many articles the corpus statistics count (issue 10, found by `pnpm bench:explain` at 105,000 articles).
--
-- Every enrichment reads the number of enriched articles beside its terms' document frequencies; `count(*)` of
-- article_enrichment read the whole table's index each time (17 ms at 105,000 articles, linear in the corpus).
-- The count is kept by triggers instead, in 16 rows picked by the writing connection so that concurrent
-- enrichments do not queue on one row's lock; a read sums them. Statement-level triggers with transition tables:
-- one update per statement however many rows it wrote, and rows an upsert only updated are not counted.
CREATE TABLE IF NOT EXISTS "corpus_document_counts" (
	"shard" smallint PRIMARY KEY NOT NULL,
	"documents" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
INSERT INTO "corpus_document_counts" ("shard", "documents")
SELECT s, CASE WHEN s = 0 THEN (SELECT count(*) FROM "article_enrichment") ELSE 0 END
FROM generate_series(0, 15) AS s
ON CONFLICT ("shard") DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "corpus_documents_count"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	changed bigint;
BEGIN
	IF TG_OP = 'TRUNCATE' THEN
		UPDATE "corpus_document_counts" SET "documents" = 0 WHERE "documents" <> 0;
		RETURN NULL;
	ELSIF TG_OP = 'INSERT' THEN
		SELECT count(*) INTO changed FROM added;
	ELSE
		SELECT -count(*) INTO changed FROM removed;
	END IF;
	IF changed <> 0 THEN
		UPDATE "corpus_document_counts" SET "documents" = "documents" + changed WHERE "shard" = pg_backend_pid() % 16;
	END IF;
	RETURN NULL;
END
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS "article_enrichment_counted_insert" ON "article_enrichment";
--> statement-breakpoint
CREATE TRIGGER "article_enrichment_counted_insert" AFTER INSERT ON "article_enrichment"
REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "corpus_documents_count"();
--> statement-breakpoint
DROP TRIGGER IF EXISTS "article_enrichment_counted_delete" ON "article_enrichment";
--> statement-breakpoint
CREATE TRIGGER "article_enrichment_counted_delete" AFTER DELETE ON "article_enrichment"
REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "corpus_documents_count"();
--> statement-breakpoint
DROP TRIGGER IF EXISTS "article_enrichment_counted_truncate" ON "article_enrichment";
--> statement-breakpoint
CREATE TRIGGER "article_enrichment_counted_truncate" AFTER TRUNCATE ON "article_enrichment"
FOR EACH STATEMENT EXECUTE FUNCTION "corpus_documents_count"();
