import { zEntityType } from "@parallax/core";
import {
  entityMentionTimeline,
  getEntity,
  listEntityMentions,
  listEntityNaming,
  listEntityQuotes,
  listEntityStories,
} from "@parallax/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const zEntitySlug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "not an entity slug")
  .max(200);

const zEntityPage = z.object({
  slug: z.string(),
  name: z.string(),
  type: zEntityType,
  placeKind: z.string().nullable(),
  description: z.string().nullable(),
  aliases: z.array(z.object({ text: z.string(), count: z.number().int() })),
  mentionCount: z.number().int(),
  articleCount: z.number().int(),
  articles: z.array(
    z.object({
      id: z.uuid(),
      title: z.string().nullable(),
      publishedAt: z.string().nullable(),
      siteName: z.string().nullable(),
      mentions: z.number().int(),
    }),
  ),
});

const zIso = z.string();

const zMentionTimeline = z.object({
  bucket: z.enum(["day", "week", "month"]),
  points: z.array(
    z.object({
      start: z.iso.date(),
      mentions: z.number().int().nonnegative(),
      articles: z.number().int().nonnegative(),
    }),
  ),
});

const zEntityStory = z.object({
  storyId: z.guid(),
  headline: z.string().nullable(),
  title: z.string().nullable(),
  briefingVersion: z.number().int().nullable(),
  articleCount: z.number().int(),
  entityArticles: z.number().int(),
  mentions: z.number().int(),
  lastAt: zIso.nullable(),
  updatedAt: zIso,
});

const zEntityQuote = z.object({
  articleId: z.uuid(),
  title: z.string().nullable(),
  source: z.string().nullable(),
  publishedAt: zIso.nullable(),
  paragraph: z.number().int(),
  text: z.string(),
  kind: z.string(),
  speaker: z.string().nullable(),
  speakerEntity: z.string().nullable(),
  cue: z.string().nullable(),
  namesEntity: z.boolean(),
});

const zOutletNaming = z.object({
  sourceId: z.uuid().nullable(),
  source: z.string().nullable(),
  articles: z.number().int(),
  mentions: z.number().int(),
  aliases: z.array(z.object({ text: z.string(), count: z.number().int() })),
  descriptions: z.array(z.string()),
  standsFor: z.array(z.string()),
});

const slugInput = z.object({ slug: zEntitySlug });

export const entityRouter = createTRPCRouter({
  bySlug: publicProcedure
    .input(z.object({ slug: zEntitySlug }))
    .output(zEntityPage)
    .query(async ({ ctx, input }) => {
      const entity = await getEntity(ctx.db, input.slug);
      if (!entity) throw new TRPCError({ code: "NOT_FOUND", message: `no entity ${input.slug}` });
      return zEntityPage.parse(entity);
    }),

  mentions: publicProcedure
    .input(
      z.object({
        slug: zEntitySlug,
        limit: z.number().int().min(1).max(200).default(50),
        offset: z.number().int().min(0).default(0),
      }),
    )
    .output(
      z.array(
        z.object({
          articleId: z.uuid(),
          title: z.string().nullable(),
          paragraph: z.number().int(),
          start: z.number().int(),
          end: z.number().int(),
          text: z.string(),
          paragraphText: z.string(),
        }),
      ),
    )
    .query(({ ctx, input }) => listEntityMentions(ctx.db, input.slug, input)),

  /** Mentions over time, per day, week or month by the span of the entity's articles. */
  timeline: publicProcedure
    .input(slugInput)
    .output(zMentionTimeline)
    .query(({ ctx, input }) => entityMentionTimeline(ctx.db, input.slug)),

  /** The live stories the entity appears in, most recently changed first. */
  stories: publicProcedure
    .input(slugInput.extend({ limit: z.number().int().min(1).max(200).default(50) }))
    .output(z.array(zEntityStory))
    .query(({ ctx, input }) => listEntityStories(ctx.db, input.slug, input.limit)),

  /** Quotes by the entity and quotes by others in paragraphs that name it. */
  quotes: publicProcedure
    .input(slugInput.extend({ limit: z.number().int().min(1).max(100).default(30) }))
    .output(z.object({ by: z.array(zEntityQuote), about: z.array(zEntityQuote) }))
    .query(({ ctx, input }) => listEntityQuotes(ctx.db, input.slug, input.limit)),

  /** How each outlet names the entity: aliases with counts, descriptions, expansions. */
  naming: publicProcedure
    .input(slugInput)
    .output(z.array(zOutletNaming))
    .query(({ ctx, input }) => listEntityNaming(ctx.db, input.slug)),
});
