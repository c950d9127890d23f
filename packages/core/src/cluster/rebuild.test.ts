import { describe, expect, it } from "vitest";
import { background, recall } from "./__fixtures__/articles";
import { assignArticle } from "./assign";
import { MemoryStoryIndex } from "./memory-index";
import { DEFAULT_CLUSTER_OPTIONS as options } from "./options";
import { rebuildStory } from "./rebuild";

describe("rebuildStory", () => {
  it("rebuilds a story from the articles a user left in it, bounded and findable as before", async () => {
    const index = new MemoryStoryIndex();
    for (const doc of background) await assignArticle(doc, index, options);
    const { storyId } = await assignArticle(recall[0]!, index, options);
    for (const doc of recall.slice(1)) await assignArticle(doc, index, options);
    expect(index.story(storyId)!.size).toBe(3);

    // The user moves the third report out: the story is rebuilt from the first two.
    const { story, postings } = await rebuildStory(storyId, recall.slice(0, 2), index, options);
    expect(story).toMatchObject({
      id: storyId,
      size: 2,
      firstAt: Date.parse(recall[0]!.publishedAt!),
      lastAt: Date.parse(recall[1]!.publishedAt!),
    });
    expect(story.terms.length).toBeLessThanOrEqual(options.storyTerms);
    expect(postings).toHaveLength(Math.min(options.postingTerms, story.terms.length));
    expect(postings.slice(0, 10)).toContain("w:brightline");
    index.saveStory(story, postings);
    expect(index.story(storyId)!.size).toBe(2);

    const later = await assignArticle({ ...recall[2]!, id: "recall-3-again" }, index, options);
    expect(later.storyId).toBe(storyId);
  });
});
