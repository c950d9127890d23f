import { z } from "zod";
import { zDigest } from "./digest";
import { zParagraph } from "./paragraph";
import { zSource } from "./source";

export const articleStatuses = ["queued", "processing", "ready", "failed", "duplicate"] as const;
export const zArticleStatus = z.enum(articleStatuses);
export type ArticleStatus = z.infer<typeof zArticleStatus>;

export const zTitleSource = z.enum(["explicit", "derived"]);
export type TitleSource = z.infer<typeof zTitleSource>;

/** Opinion pieces argue, analyses interpret, news reports: comparisons never present opinion as shared fact. */
export const zGenre = z.enum(["opinion", "analysis", "news"]);
export type Genre = z.infer<typeof zGenre>;

/** An image caption or photo credit: kept with the article, never mixed into its body paragraphs. */
export const zCaption = z.object({ text: z.string().min(1), credit: z.string().nullable() });
export type Caption = z.infer<typeof zCaption>;

/** Article ids are UUIDs; they double as BullMQ job ids, which must not contain ':'. */
export const zArticleId = z.uuid();

/**
 * What the normalizer makes of one document: everything that can be known without a database.
 * It is the body of `parallax extract --json` (a public contract: add fields, never rename them).
 */
export const zNormalizedArticle = z.object({
  title: z.string(),
  titleSource: zTitleSource,
  byline: z.string().nullable(),
  authors: z.array(z.string()),
  publishedAt: z.iso.datetime({ offset: true }).nullable(),
  modifiedAt: z.iso.datetime({ offset: true }).nullable(),
  siteName: z.string().nullable(),
  language: z.string().nullable(),
  url: z.string().nullable(),
  canonicalUrl: z.string().nullable(),
  genre: zGenre,
  section: z.string().nullable(),
  description: z.string().nullable(),
  imageUrl: z.string().nullable(),
  tags: z.array(z.string()),
  paragraphs: z.array(zParagraph),
  captions: z.array(zCaption),
  digest: zDigest.nullable(),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  /** The first copy of the same text (an article id, or in `parallax extract` the earlier file); null if none. */
  duplicateOf: z.string().nullable(),
});
export type NormalizedArticle = z.infer<typeof zNormalizedArticle>;

/** Another stored article with the same (or nearly the same) text. */
export const zArticleLink = z.object({
  id: zArticleId,
  title: z.string().nullable(),
  url: z.string().nullable(),
});
export type ArticleLink = z.infer<typeof zArticleLink>;

/** A stored article as the app shows it; metadata fields are null until the worker has processed it. */
export const zArticle = z.object({
  id: zArticleId,
  url: z.string().nullable(),
  canonicalUrl: z.string().nullable(),
  title: z.string().nullable(),
  titleSource: zTitleSource.nullable(),
  byline: z.string().nullable(),
  authors: z.array(z.string()),
  publishedAt: z.iso.datetime({ offset: true }).nullable(),
  modifiedAt: z.iso.datetime({ offset: true }).nullable(),
  language: z.string().nullable(),
  genre: zGenre.nullable(),
  section: z.string().nullable(),
  description: z.string().nullable(),
  imageUrl: z.string().nullable(),
  tags: z.array(z.string()),
  source: zSource.nullable(),
  paragraphs: z.array(zParagraph),
  captions: z.array(zCaption),
  digest: zDigest.nullable(),
  contentHash: z.string().nullable(),
  status: zArticleStatus,
  error: z.string().nullable(),
  duplicateOf: zArticleId.nullable(),
  /** Later copies stored as duplicates of this one (the other direction of `duplicateOf`). */
  duplicates: z.array(zArticleLink),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type Article = z.infer<typeof zArticle>;

/** A row of an article list: the article without its body. */
export const zArticleSummary = zArticle
  .omit({ paragraphs: true, captions: true, digest: true, duplicates: true })
  .extend({
    paragraphCount: z.number().int().nonnegative(),
  });
export type ArticleSummary = z.infer<typeof zArticleSummary>;
