CREATE TABLE "comparisons" (
	"key" text PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"article_ids" uuid[] NOT NULL,
	"content" jsonb NOT NULL,
	"built_at" timestamp with time zone DEFAULT now() NOT NULL,
	"used_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "comparisons_key_ck" CHECK ("comparisons"."key" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE INDEX "comparisons_used_at_idx" ON "comparisons" USING btree ("used_at" DESC NULLS LAST);