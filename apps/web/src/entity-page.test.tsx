// The components live in @parallax/ui; they are rendered here, where react-dom is a dependency.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { EntityQuotes, EntityStories, OutletNaming } from "@parallax/ui";

const quote = {
  articleId: "a1b2c3d4-0000-4000-8000-000000000001",
  title: "Xi receives Japanese leader",
  source: "Caixin",
  publishedAt: "2026-03-20T09:00:00.000Z",
  paragraph: 2,
  text: "Ishiba is <b>welcome</b>.",
  kind: "direct",
  speaker: "Xi",
  cue: "said",
  namesEntity: true,
};

describe("entity page components", () => {
  it("links each quote to its paragraph and names the speaker", () => {
    const html = renderToStaticMarkup(<EntityQuotes quotes={[quote]} showSpeaker empty="none" />);
    expect(html).toContain('href="/articles/a1b2c3d4-0000-4000-8000-000000000001#p-2"');
    expect(html).toContain(
      'Caixin <span aria-hidden="true">¶</span><span class="visually-hidden">paragraph </span>2',
    );
    expect(html).toContain("Xi said");
    expect(html).toContain("“Ishiba is &lt;b&gt;welcome&lt;/b&gt;.”");
    expect(
      renderToStaticMarkup(<EntityQuotes quotes={[]} showSpeaker={false} empty="Nothing yet." />),
    ).toContain("Nothing yet.");
  });

  it("lists stories with their headline, or their first title until briefed", () => {
    const base = {
      articleCount: 2,
      entityArticles: 1,
      mentions: 3,
      lastAt: "2026-03-20T09:00:00.000Z",
      updatedAt: "2026-03-21T09:00:00.000Z",
    };
    const html = renderToStaticMarkup(
      <EntityStories
        stories={[
          { ...base, storyId: "s1", headline: "Briefed headline", title: "t1", briefingVersion: 3 },
          { ...base, storyId: "s2", headline: null, title: "First title", briefingVersion: null },
        ]}
      />,
    );
    expect(html).toContain('<a href="/stories/s1">Briefed headline</a>');
    expect(html).toContain('<a href="/stories/s2">First title</a>');
    expect(html).toContain("briefing version 3");
    expect(html).toContain("not briefed yet");
  });

  it("tabulates how each outlet names it, with a row header per outlet", () => {
    const html = renderToStaticMarkup(
      <OutletNaming
        outlets={[
          {
            sourceId: null,
            source: null,
            articles: 1,
            mentions: 2,
            aliases: [{ text: "Ishiba", count: 2 }],
            descriptions: ["Japanese Prime Minister"],
            standsFor: [],
          },
        ]}
      />,
    );
    expect(html).toContain('<th scope="row">Articles of no known outlet</th>');
    expect(html).toContain("Ishiba <span");
    expect(html).toContain("Japanese Prime Minister");
    expect(html).toContain("<caption");
  });
});
