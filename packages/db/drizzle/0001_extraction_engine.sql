CREATE TABLE "article_fingerprint_bands" (
	"band" smallint NOT NULL,
	"hash" integer NOT NULL,
	"article_id" uuid NOT NULL,
	CONSTRAINT "article_fingerprint_bands_band_hash_article_id_pk" PRIMARY KEY("band","hash","article_id")
);
--> statement-breakpoint
CREATE TABLE "article_fingerprints" (
	"article_id" uuid PRIMARY KEY NOT NULL,
	"signature" integer[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reprocess_results" (
	"run_id" uuid NOT NULL,
	"article_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"changes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error" text,
	"finished_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reprocess_results_run_id_article_id_pk" PRIMARY KEY("run_id","article_id"),
	CONSTRAINT "reprocess_results_outcome_ck" CHECK ("reprocess_results"."outcome" in ('unchanged', 'changed', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "reprocess_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scope" text NOT NULL,
	"since" timestamp with time zone,
	"normalizer_version" integer NOT NULL,
	"total" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "canonical_key" text;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "authors" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "modified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "genre" text;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "section" text;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "description" text;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "image_url" text;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "tags" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "captions" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "digest" jsonb;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "normalizer_version" integer;--> statement-breakpoint
ALTER TABLE "article_fingerprint_bands" ADD CONSTRAINT "article_fingerprint_bands_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_fingerprints" ADD CONSTRAINT "article_fingerprints_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reprocess_results" ADD CONSTRAINT "reprocess_results_run_id_reprocess_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."reprocess_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reprocess_results" ADD CONSTRAINT "reprocess_results_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "article_fingerprint_bands_article_idx" ON "article_fingerprint_bands" USING btree ("article_id");--> statement-breakpoint
CREATE INDEX "reprocess_results_article_idx" ON "reprocess_results" USING btree ("article_id");--> statement-breakpoint
CREATE INDEX "articles_canonical_key_idx" ON "articles" USING btree ("canonical_key");--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_genre_ck" CHECK ("articles"."genre" in ('opinion', 'analysis', 'news'));