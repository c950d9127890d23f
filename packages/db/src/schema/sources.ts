import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const sources = pgTable("sources", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  /** Host without `www.`; one row per outlet domain. Pasted text with only a name has a null domain. */
  domain: text("domain").unique(),
  country: text("country"),
  language: text("language"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
