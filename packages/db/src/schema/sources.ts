import { sql } from "drizzle-orm";
import { check, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const sources = pgTable(
  "sources",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    /** Host without `www.`; one row per outlet domain. Pasted text with only a name has a null domain. */
    domain: text("domain").unique(),
    /** ISO 3166-1 alpha-2, upper case. */
    country: text("country"),
    /**
     * Who set `country`: 'admin' (never replaced; an administrator's null means "unknown" and stays), or
     * 'inferred' from the domain's country-code TLD. Null while nothing has set it.
     */
    countrySource: text("country_source"),
    language: text("language"),
    /** A free label such as "Japanese centre-right"; at most 80 characters. */
    perspective: text("perspective"),
    /** Section names ("Commentary") or URL path prefixes ("/opinion/") whose articles are opinion. */
    opinionSections: text("opinion_sections").array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("sources_perspective_ck", sql`char_length(${t.perspective}) <= 80`),
    check("sources_opinion_sections_ck", sql`cardinality(${t.opinionSections}) <= 20`),
    check("sources_country_source_ck", sql`${t.countrySource} IN ('admin', 'inferred')`),
    check("sources_country_ck", sql`${t.country} ~ '^[A-Z]{2}$'`),
  ],
);
