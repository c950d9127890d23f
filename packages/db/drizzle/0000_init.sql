CREATE TABLE "articles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"url" text,
	"url_key" text,
	"submission_hash" text,
	"canonical_url" text,
	"title" text,
	"title_source" text,
	"byline" text,
	"published_at" timestamp with time zone,
	"language" text,
	"site_name" text,
	"source_id" uuid,
	"content_hash" text,
	"status" text DEFAULT 'queued' NOT NULL,
	"error" text,
	"duplicate_of" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "articles_status_ck" CHECK ("articles"."status" in ('queued', 'processing', 'ready', 'failed', 'duplicate')),
	CONSTRAINT "articles_title_source_ck" CHECK ("articles"."title_source" in ('explicit', 'derived'))
);
--> statement-breakpoint
CREATE TABLE "paragraphs" (
	"article_id" uuid NOT NULL,
	"n" integer NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	CONSTRAINT "paragraphs_article_id_n_pk" PRIMARY KEY("article_id","n"),
	CONSTRAINT "paragraphs_n_ck" CHECK ("paragraphs"."n" >= 1)
);
--> statement-breakpoint
CREATE TABLE "raw_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"article_id" uuid,
	"kind" text NOT NULL,
	"url" text,
	"body" text,
	"bytes" "bytea",
	"content_type" text,
	"http_status" integer,
	"title" text,
	"source_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "raw_documents_kind_ck" CHECK ("raw_documents"."kind" in ('url', 'html', 'text', 'fetch'))
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"domain" text,
	"country" text,
	"language" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sources_domain_unique" UNIQUE("domain")
);
--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_duplicate_of_articles_id_fk" FOREIGN KEY ("duplicate_of") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paragraphs" ADD CONSTRAINT "paragraphs_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "raw_documents" ADD CONSTRAINT "raw_documents_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "articles_url_key_uq" ON "articles" USING btree ("url_key") WHERE "articles"."url_key" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "articles_submission_hash_uq" ON "articles" USING btree ("submission_hash") WHERE "articles"."submission_hash" is not null;--> statement-breakpoint
CREATE INDEX "articles_content_hash_idx" ON "articles" USING btree ("content_hash");--> statement-breakpoint
CREATE INDEX "articles_status_idx" ON "articles" USING btree ("status");--> statement-breakpoint
CREATE INDEX "articles_created_idx" ON "articles" USING btree ("created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "raw_documents_article_idx" ON "raw_documents" USING btree ("article_id");