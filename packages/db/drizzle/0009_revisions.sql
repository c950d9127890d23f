-- Article revisions (issue 8): a URL fetched again whose text changed becomes revision n+1 of the same article.
-- `articles.revision` is the revision its paragraphs show; 0 until the article is first stored.
ALTER TABLE "articles" ADD COLUMN "revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- When the page was last fetched, changed or not: an unchanged refetch records only this.
ALTER TABLE "articles" ADD COLUMN "fetched_at" timestamp with time zone;--> statement-breakpoint
CREATE TABLE "article_revisions" (
	"article_id" uuid NOT NULL REFERENCES "articles"("id") ON DELETE CASCADE,
	"revision" integer NOT NULL,
	"content_hash" text NOT NULL,
	"title" text,
	-- [{n, kind, text}] as the article showed them in this revision.
	"paragraphs" jsonb NOT NULL,
	-- The fetched page this revision was built from; null for pasted documents and backfilled rows.
	"raw_document_id" uuid REFERENCES "raw_documents"("id") ON DELETE SET NULL,
	-- first: stored for the first time; refetch: the page changed; reprocess: a newer normalizer read it differently.
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "article_revisions_pk" PRIMARY KEY ("article_id", "revision"),
	CONSTRAINT "article_revisions_revision_ck" CHECK ("revision" >= 1),
	CONSTRAINT "article_revisions_reason_ck" CHECK ("reason" in ('first', 'refetch', 'reprocess'))
);--> statement-breakpoint
-- Key points of a briefing that cite a paragraph whose text changed, moved or went away in a later revision.
CREATE TABLE "briefing_marks" (
	"briefing_id" uuid NOT NULL REFERENCES "briefings"("id") ON DELETE CASCADE,
	"article_id" uuid NOT NULL REFERENCES "articles"("id") ON DELETE CASCADE,
	"revision" integer NOT NULL,
	-- [{point, paragraph, reason}]: key point number, the cited (old) paragraph number, changed|removed|renumbered.
	"points" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "briefing_marks_pk" PRIMARY KEY ("briefing_id", "article_id", "revision")
);--> statement-breakpoint
-- Every article already readable becomes revision 1 of itself, from the paragraphs it shows now.
INSERT INTO "article_revisions" ("article_id", "revision", "content_hash", "title", "paragraphs", "raw_document_id", "reason", "created_at")
SELECT a."id", 1, coalesce(a."content_hash", ''), a."title",
	coalesce((SELECT jsonb_agg(jsonb_build_object('n', p."n", 'kind', p."kind", 'text', p."text") ORDER BY p."n")
		FROM "paragraphs" p WHERE p."article_id" = a."id"), '[]'::jsonb),
	(SELECT r."id" FROM "raw_documents" r WHERE r."article_id" = a."id" AND r."kind" = 'fetch'
		ORDER BY r."created_at" DESC LIMIT 1),
	'first', a."updated_at"
FROM "articles" a WHERE a."status" IN ('ready', 'duplicate');--> statement-breakpoint
UPDATE "articles" SET "revision" = 1 WHERE "status" IN ('ready', 'duplicate');
