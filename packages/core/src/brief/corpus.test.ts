import { describe, expect, it } from "vitest";
import { zBriefing } from "../schemas/briefing";
import { extractionSample, newsWclStories, seedStory } from "./__fixtures__/corpus";
import { buildBriefing, checkCitations, citedTexts } from "./index";

// The property the briefing promises, over every story at hand: NewsWCL50's ten events (five outlets each), the
// seeds, and real pages of the extraction set in many languages, each briefed alone. Every text has a citation
// and no citation fails the support check.
const stories = [
  ...newsWclStories().map(({ event, articles }) => ({
    name: `NewsWCL50 event ${event}`,
    articles,
    wcl: true,
  })),
  { name: "seeds", articles: seedStory(), wcl: false },
  ...extractionSample(30).map((article) => ({ name: article.id, articles: [article], wcl: false })),
].map((story) => ({ ...story, briefing: buildBriefing(story.articles) }));

describe("briefings over the whole corpus", () => {
  it.each(stories.map((s) => [s.name, s] as const))(
    "%s: every sentence is cited and supported",
    (_, story) => {
      const { briefing } = story;
      expect(() => zBriefing.parse(briefing)).not.toThrow();
      for (const { text, citations } of citedTexts(briefing))
        expect(citations.length, text).toBeGreaterThan(0);
      expect(checkCitations(briefing, story.articles)).toEqual([]);
      expect(briefing.keyPoints.length).toBeLessThanOrEqual(7);
    },
  );

  it("gives each NewsWCL50 event 3 to 7 key points, some cited by several outlets", () => {
    for (const { briefing } of stories.filter((s) => s.wcl)) {
      expect(briefing.keyPoints.length).toBeGreaterThanOrEqual(3);
      expect(briefing.keyPoints.some((p) => p.articleIds.length >= 2)).toBe(true);
    }
  });
});
