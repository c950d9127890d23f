-- Full-text search (issue 7).
--
-- Text-search configurations: every vector holds the words twice, once through 'simple' (lower-cased exact
-- forms, stop words kept: names, quoted phrases and every language work, including CJK once segmented) and
-- once through 'english' (Snowball stems, English stop words dropped: "tariffs" finds "tariff"). Articles come
-- in many languages and a generated column cannot see the article's language, so 'simple' is the safe common
-- base and 'english' adds stemming for the majority language. Queries use both configurations too.
--
-- `search_text` / `search_title` hold the text with CJK words separated by spaces (core's `segmentForSearch`,
-- the ICU word segmenter), because Postgres' parser only splits at spaces and punctuation; they stay null for
-- text without CJK script, which is indexed as stored. The worker fills them for older CJK rows at start.
--
-- Weights: titles A, headings B, body paragraphs D, so ts_rank ranks a title match above a body match.
ALTER TABLE "paragraphs" ADD COLUMN "search_text" text;--> statement-breakpoint
ALTER TABLE "paragraphs" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('simple'::regconfig, coalesce("search_text", "text")),
            (CASE WHEN "kind" = 'heading' THEN 'B' ELSE 'D' END)::"char")
  || setweight(to_tsvector('english'::regconfig, coalesce("search_text", "text")),
            (CASE WHEN "kind" = 'heading' THEN 'B' ELSE 'D' END)::"char")
) STORED;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "search_title" text;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('simple'::regconfig, coalesce("search_title", "title", '')), 'A')
  || setweight(to_tsvector('english'::regconfig, coalesce("search_title", "title", '')), 'A')
) STORED;--> statement-breakpoint
CREATE INDEX "paragraphs_search_idx" ON "paragraphs" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "articles_search_idx" ON "articles" USING gin ("search_vector");
