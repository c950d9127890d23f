CREATE TABLE "article_enrichment" (
	"article_id" uuid PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"output_hash" text NOT NULL,
	"language" text,
	"reference_date" text,
	"error" text,
	"enriched_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "article_entities" (
	"article_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"aliases" jsonb NOT NULL,
	"mentions" integer NOT NULL,
	"description" jsonb,
	"stands_for" text,
	CONSTRAINT "article_entities_article_id_slug_pk" PRIMARY KEY("article_id","slug")
);
--> statement-breakpoint
CREATE TABLE "article_terms" (
	"article_id" uuid NOT NULL,
	"term" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "article_terms_article_id_term_pk" PRIMARY KEY("article_id","term")
);
--> statement-breakpoint
CREATE TABLE "entities" (
	"slug" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"place_kind" text,
	"description" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "events" (
	"article_id" uuid NOT NULL,
	"paragraph" integer NOT NULL,
	"start" integer NOT NULL,
	"end" integer NOT NULL,
	"date" text NOT NULL,
	"precision" text NOT NULL,
	"first_day" date NOT NULL,
	"last_day" date NOT NULL,
	"phrase" text NOT NULL,
	"sentence" text NOT NULL,
	"actors" text[] DEFAULT '{}'::text[] NOT NULL,
	"expected" boolean NOT NULL,
	CONSTRAINT "events_article_id_paragraph_start_date_pk" PRIMARY KEY("article_id","paragraph","start","date")
);
--> statement-breakpoint
CREATE TABLE "figures" (
	"article_id" uuid NOT NULL,
	"paragraph" integer NOT NULL,
	"start" integer NOT NULL,
	"end" integer NOT NULL,
	"text" text NOT NULL,
	"kind" text NOT NULL,
	"value" double precision NOT NULL,
	"unit" text,
	"of" double precision,
	"qualifier" text NOT NULL,
	"subject" text,
	CONSTRAINT "figures_article_id_paragraph_start_pk" PRIMARY KEY("article_id","paragraph","start")
);
--> statement-breakpoint
CREATE TABLE "mentions" (
	"article_id" uuid NOT NULL,
	"entity_slug" text NOT NULL,
	"paragraph" integer NOT NULL,
	"start" integer NOT NULL,
	"end" integer NOT NULL,
	"text" text NOT NULL,
	"form" text NOT NULL,
	CONSTRAINT "mentions_article_id_paragraph_start_entity_slug_pk" PRIMARY KEY("article_id","paragraph","start","entity_slug")
);
--> statement-breakpoint
CREATE TABLE "quotes" (
	"article_id" uuid NOT NULL,
	"paragraph" integer NOT NULL,
	"start" integer NOT NULL,
	"end" integer NOT NULL,
	"text" text NOT NULL,
	"kind" text NOT NULL,
	"speaker" text,
	"speaker_entity" text,
	"cue" text,
	CONSTRAINT "quotes_article_id_paragraph_start_pk" PRIMARY KEY("article_id","paragraph","start")
);
--> statement-breakpoint
CREATE TABLE "term_stats" (
	"term" text PRIMARY KEY NOT NULL,
	"documents" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "time_expressions" (
	"article_id" uuid NOT NULL,
	"paragraph" integer NOT NULL,
	"start" integer NOT NULL,
	"end" integer NOT NULL,
	"text" text NOT NULL,
	"type" text NOT NULL,
	"value" text NOT NULL,
	"precision" text,
	CONSTRAINT "time_expressions_article_id_paragraph_start_pk" PRIMARY KEY("article_id","paragraph","start")
);
--> statement-breakpoint
ALTER TABLE "article_enrichment" ADD CONSTRAINT "article_enrichment_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_entities" ADD CONSTRAINT "article_entities_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_terms" ADD CONSTRAINT "article_terms_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "figures" ADD CONSTRAINT "figures_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentions" ADD CONSTRAINT "mentions_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_expressions" ADD CONSTRAINT "time_expressions_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "article_entities_slug_idx" ON "article_entities" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "article_terms_term_idx" ON "article_terms" USING btree ("term");--> statement-breakpoint
CREATE INDEX "events_days_idx" ON "events" USING btree ("first_day","last_day");--> statement-breakpoint
CREATE INDEX "mentions_entity_idx" ON "mentions" USING btree ("entity_slug","article_id");--> statement-breakpoint
CREATE INDEX "quotes_speaker_idx" ON "quotes" USING btree ("speaker_entity");