import { zArticleId } from "@parallax/core";
import type { SideGrouping } from "@parallax/core/compare";
import { zComparison } from "@parallax/core/schemas";
import { z } from "zod";
import { compareStoredArticles, compareStory } from "../services/compare";
import { createTRPCRouter, publicProcedure } from "../trpc";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const zBy = z.enum(["article", "outlet", "country"]);

/** Side labels keyed by article id or by outlet name (`{ "nippon.com": "Japan", "Caixin": "China" }`). */
const zLabels = z
  .record(z.string().min(1).max(300), z.string().trim().min(1, "a label cannot be empty").max(100))
  .refine((labels) => Object.keys(labels).length <= 50, "at most 50 labels");

const zComparisonResult = zComparison.extend({
  /** Answered from the cache rather than computed for this request. */
  cached: z.boolean(),
  builtAt: z.string(),
  /** Articles asked for (or of the story) that were left out, and why: not ready yet, or over the limit. */
  excluded: z.array(z.object({ articleId: zArticleId, reason: z.string() })),
});

const notBoth = { message: "give by or labels, not both", path: ["labels"] };

function grouping(
  input: { by?: z.infer<typeof zBy> | undefined; labels?: Record<string, string> | undefined },
  fallback: z.infer<typeof zBy>,
): SideGrouping {
  if (!input.labels) return input.by ?? fallback;
  // Article ids are stored in lower case; outlet names are matched as written.
  const labels = Object.entries(input.labels).map(([key, label]) => [
    UUID.test(key) ? key.toLowerCase() : key,
    label,
  ]);
  return { labels: Object.fromEntries(labels) };
}

export const compareRouter = createTRPCRouter({
  /**
   * Compares 2 to 10 articles, each its own side unless grouped `by` outlet or country or given `labels`.
   * Computed on request and cached until an article, its enrichment or the comparison engine changes.
   */
  articles: publicProcedure
    .input(
      z
        .object({
          articleIds: z
            .array(zArticleId)
            .min(2, "a comparison needs at least two articles")
            .max(10, "at most 10 articles can be compared at once")
            .refine(
              (ids) => new Set(ids.map((id) => id.toLowerCase())).size === ids.length,
              "each article can be compared only once",
            ),
          by: zBy.optional(),
          labels: zLabels.optional(),
        })
        .refine((input) => !(input.by && input.labels), notBoth),
    )
    .output(zComparisonResult)
    .query(({ ctx, input }) => compareStoredArticles(ctx, input.articleIds, grouping(input, "article"))),

  /** Compares a story's articles by outlet (the default), outlet country, article, or labels given to outlets. */
  story: publicProcedure
    .input(
      z
        .object({ storyId: z.guid(), by: zBy.optional(), labels: zLabels.optional() })
        .refine((input) => !(input.by && input.labels), notBoth),
    )
    .output(zComparisonResult.extend({ storyId: z.guid(), redirectedFrom: z.string().nullable() }))
    .query(({ ctx, input }) => compareStory(ctx, input.storyId, grouping(input, "outlet"))),
});
