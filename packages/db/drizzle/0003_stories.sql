CREATE SEQUENCE "public"."story_revision_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "article_stories" (
	"article_id" uuid PRIMARY KEY NOT NULL,
	"story_id" uuid NOT NULL,
	"score" double precision,
	"pinned" boolean DEFAULT false NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "briefings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scope" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"input_hash" text NOT NULL,
	"content" jsonb NOT NULL,
	"built_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "briefings_scope_ck" CHECK ("briefings"."scope" in ('story', 'article')),
	CONSTRAINT "briefings_version_ck" CHECK ("briefings"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "cluster_corpus" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"documents" integer DEFAULT 0 NOT NULL,
	"total_length" double precision DEFAULT 0 NOT NULL,
	CONSTRAINT "cluster_corpus_single_ck" CHECK ("cluster_corpus"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "cluster_terms" (
	"term" text PRIMARY KEY NOT NULL,
	"df" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"size" integer NOT NULL,
	"first_at" timestamp with time zone,
	"last_at" timestamp with time zone,
	"terms" jsonb NOT NULL,
	"norm" double precision NOT NULL,
	"norm_documents" integer NOT NULL,
	"merged_into" uuid,
	"revision" bigint DEFAULT nextval('story_revision_seq') NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stories_size_ck" CHECK ("stories"."size" >= 0)
);
--> statement-breakpoint
CREATE TABLE "story_merges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"from_id" uuid NOT NULL,
	"into_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "story_merges_kind_ck" CHECK ("story_merges"."kind" in ('merge', 'emptied'))
);
--> statement-breakpoint
CREATE TABLE "story_postings" (
	"story_id" uuid NOT NULL,
	"term" text NOT NULL,
	"seq" bigint NOT NULL,
	"last_at" timestamp with time zone,
	CONSTRAINT "story_postings_story_id_term_pk" PRIMARY KEY("story_id","term")
);
--> statement-breakpoint
ALTER TABLE "article_stories" ADD CONSTRAINT "article_stories_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_stories" ADD CONSTRAINT "article_stories_story_id_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."stories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stories" ADD CONSTRAINT "stories_merged_into_stories_id_fk" FOREIGN KEY ("merged_into") REFERENCES "public"."stories"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story_merges" ADD CONSTRAINT "story_merges_from_id_stories_id_fk" FOREIGN KEY ("from_id") REFERENCES "public"."stories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story_merges" ADD CONSTRAINT "story_merges_into_id_stories_id_fk" FOREIGN KEY ("into_id") REFERENCES "public"."stories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story_postings" ADD CONSTRAINT "story_postings_story_id_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."stories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "article_stories_story_idx" ON "article_stories" USING btree ("story_id");--> statement-breakpoint
CREATE UNIQUE INDEX "briefings_subject_version_uq" ON "briefings" USING btree ("scope","subject_id","version");--> statement-breakpoint
CREATE INDEX "stories_revision_idx" ON "stories" USING btree ("revision" DESC NULLS LAST) WHERE "stories"."merged_into" is null;--> statement-breakpoint
CREATE INDEX "stories_merged_into_idx" ON "stories" USING btree ("merged_into");--> statement-breakpoint
CREATE INDEX "story_merges_from_idx" ON "story_merges" USING btree ("from_id");--> statement-breakpoint
CREATE INDEX "story_merges_into_idx" ON "story_merges" USING btree ("into_id");--> statement-breakpoint
CREATE INDEX "story_postings_term_seq_idx" ON "story_postings" USING btree ("term","seq" DESC NULLS LAST);