import { index, integer, pgTable, primaryKey, smallint, uuid } from "drizzle-orm/pg-core";
import { articles } from "./articles";

/** The MinHash signature of an original article's text (duplicates are not indexed: the first copy is). */
export const articleFingerprints = pgTable("article_fingerprints", {
  articleId: uuid("article_id")
    .primaryKey()
    .references(() => articles.id, { onDelete: "cascade" }),
  signature: integer("signature").array().notNull(),
});

/** LSH bands of the signature: a new article is compared only with articles sharing one of its band hashes. */
export const articleFingerprintBands = pgTable(
  "article_fingerprint_bands",
  {
    band: smallint("band").notNull(),
    hash: integer("hash").notNull(),
    articleId: uuid("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.band, t.hash, t.articleId] }),
    index("article_fingerprint_bands_article_idx").on(t.articleId),
  ],
);
