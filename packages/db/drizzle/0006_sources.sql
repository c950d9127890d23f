-- Outlet settings (issue 7): a perspective label and opinion sections an administrator sets, and where the
-- country came from, so that an administrator's country is never replaced by an inferred one.
ALTER TABLE "sources" ADD COLUMN "perspective" text;
--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "opinion_sections" text[] DEFAULT '{}'::text[] NOT NULL;
--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "country_source" text;
--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;
--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_perspective_ck" CHECK (char_length("sources"."perspective") <= 80);
--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_opinion_sections_ck" CHECK (cardinality("sources"."opinion_sections") <= 20);
--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_country_source_ck" CHECK ("sources"."country_source" IN ('admin', 'inferred'));
--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_country_ck" CHECK ("sources"."country" ~ '^[A-Z]{2}$');
--> statement-breakpoint
-- Countries stored before this migration were set deliberately (nothing inferred them): keep them as an
-- administrator's.
UPDATE "sources" SET "country_source" = 'admin' WHERE "country" IS NOT NULL;
--> statement-breakpoint
-- Backfill from the domain's country-code TLD, as countryFromDomain (packages/core/src/sources/country.ts)
-- does for new outlets: .uk is GB; ccTLDs sold as generic names, and .eu/.su/.ac, say nothing.
UPDATE "sources"
SET "country" = CASE lower(substring("domain" from '\.([A-Za-z]{2})\.?$'))
      WHEN 'uk' THEN 'GB'
      ELSE upper(substring("domain" from '\.([A-Za-z]{2})\.?$'))
    END,
    "country_source" = 'inferred'
WHERE "country" IS NULL
  AND "country_source" IS NULL
  AND "domain" ~ '^[A-Za-z0-9.-]*[A-Za-z][A-Za-z0-9-]*\.[A-Za-z]{2}\.?$'
  AND lower(substring("domain" from '\.([A-Za-z]{2})\.?$')) NOT IN (
    'ai', 'am', 'cc', 'cd', 'co', 'fm', 'gg', 'io', 'ly', 'me', 'ms', 'nu', 'sh', 'so', 'st', 'tk', 'to', 'tv',
    'vc', 'ws', 'eu', 'su', 'ac', 'zz'
  );
