// Rendered here rather than beside the components: react-dom is a dependency of the web app, not of @parallax/ui.
import type { Paragraph } from "@parallax/core";
import { ArticleBody, type EnrichmentMarks, EntityIndex, hasIndexedEntities, StoryLink } from "@parallax/ui";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

const paragraphs: Paragraph[] = [
  { n: 1, kind: "paragraph", text: "Takaichi pledged $550 billion on March 19, Takaichi said." },
  { n: 2, kind: "heading", text: "Takaichi abroad" },
  { n: 3, kind: "paragraph", text: "“We will build,” Takaichi told reporters in 2026-SU." },
];

const takaichi = {
  slug: "takaichi-sanae",
  name: "Sanae Takaichi",
  type: "person" as const,
  placeKind: null,
  aliases: [],
  mentions: 4,
  description: null,
  standsFor: null,
};

const enrichment: EnrichmentMarks = {
  entities: [takaichi],
  mentions: [
    { paragraph: 1, start: 0, end: 8, text: "Takaichi", entity: takaichi.slug, form: "name" },
    { paragraph: 1, start: 43, end: 51, text: "Takaichi", entity: takaichi.slug, form: "name" },
    { paragraph: 2, start: 0, end: 8, text: "Takaichi", entity: takaichi.slug, form: "name" },
  ],
  times: [
    {
      paragraph: 1,
      start: 33,
      end: 41,
      text: "March 19",
      type: "date",
      value: "2026-03-19",
      precision: "day",
    },
    {
      paragraph: 3,
      start: 44,
      end: 51,
      text: "2026-SU",
      type: "date",
      value: "2026-SU",
      precision: "season",
    },
  ],
  figures: [
    {
      paragraph: 1,
      start: 17,
      end: 29,
      text: "$550 billion",
      kind: "money",
      value: 550e9,
      unit: "USD",
      of: null,
      qualifier: "exact",
      subject: "investment pledge",
    },
  ],
  quotes: [
    {
      paragraph: 3,
      start: 0,
      end: 15,
      text: "“We will build,”",
      kind: "direct",
      speaker: "Takaichi",
      speakerEntity: takaichi.slug,
      cue: "told",
    },
  ],
};

describe("ArticleBody", () => {
  const html = renderToStaticMarkup(<ArticleBody paragraphs={paragraphs} enrichment={enrichment} />);

  it("links each mention to its entity page, naming the type once for screen readers", () => {
    expect(html.match(/href="\/entities\/takaichi-sanae"/g)?.length).toBe(4); // 3 mentions + speaker line
    expect(html.match(/<span class="visually-hidden"> \(person\)<\/span>/g)?.length).toBe(1);
    expect(html).toContain('title="Sanae Takaichi (person)"');
  });

  it("keeps a heading's accessible name its own words", () => {
    expect(html).toMatch(/<h2 class="body-heading"><a [^>]*>Takaichi<\/a> abroad<\/h2>/);
  });

  it("marks dates as <time dateTime> and keeps values HTML cannot state off the attribute", () => {
    expect(html).toContain(
      '<time class="mark mark-time" dateTime="2026-03-19" title="Date: 2026-03-19">March 19</time>',
    );
    expect(html).toContain('<span class="mark mark-time" title="Date: 2026-SU">2026-SU</span>');
  });

  it("marks figures as <data value>", () => {
    expect(html).toContain(
      '<data class="mark mark-figure" value="550000000000" title="Figure: 550,000,000,000 USD">$550 billion</data>',
    );
  });

  it("names who is quoted under the paragraph, linking to the speaker's page", () => {
    expect(html).toMatch(
      /<p class="para-speakers"><span class="visually-hidden">Quoted in this paragraph: <\/span><span aria-hidden="true">— <\/span><span><a href="\/entities\/takaichi-sanae" title="Takaichi told">Takaichi<\/a><\/span><\/p>/,
    );
  });

  it("keeps numbered anchors and renders plain paragraphs when there is no enrichment", () => {
    const plain = renderToStaticMarkup(<ArticleBody paragraphs={paragraphs} />);
    expect(plain).toContain('id="p-1"');
    expect(plain).toContain('href="#p-3"');
    expect(plain).not.toContain("mark");
    expect(plain).toContain(`<p>${paragraphs[0]?.text.replace("$", "$")}</p>`);
  });

  it("escapes hostile text in paragraphs, marks and speaker names", () => {
    const hostile = '<img src=x onerror="alert(1)"> & <script>alert(2)</script>';
    const evil = renderToStaticMarkup(
      <ArticleBody
        paragraphs={[{ n: 1, kind: "paragraph", text: hostile }]}
        enrichment={{
          ...enrichment,
          mentions: [
            {
              paragraph: 1,
              start: 0,
              end: 30,
              text: hostile.slice(0, 30),
              entity: takaichi.slug,
              form: "name",
            },
          ],
          times: [],
          figures: [],
          quotes: [
            {
              paragraph: 1,
              start: 0,
              end: 5,
              text: "<img ",
              kind: "direct",
              speaker: "<b onmouseover=x>Bob</b>",
              speakerEntity: null,
              cue: null,
            },
          ],
        }}
      />,
    );
    expect(evil).not.toContain("<img");
    expect(evil).not.toContain("<script");
    expect(evil).not.toContain("<b ");
    expect(evil).toContain("&lt;img src=x onerror=");
    expect(evil).toContain("&lt;b onmouseover=x&gt;Bob&lt;/b&gt;");
  });
});

describe("EntityIndex", () => {
  it("lists people, organisations and places with counts, most mentioned first", () => {
    const html = renderToStaticMarkup(
      <EntityIndex
        entities={[
          { slug: "japan", name: "Japan", type: "place", mentions: 2 },
          { slug: "ldp", name: "Liberal Democratic Party", type: "organization", mentions: 3 },
          { slug: "b", name: "B", type: "person", mentions: 1 },
          { slug: "a", name: "A", type: "person", mentions: 5 },
          { slug: "apec", name: "APEC summit", type: "event", mentions: 9 },
        ]}
      />,
    );
    expect(html).toContain('<h2 id="entity-index-title">In this article</h2>');
    expect(html.indexOf("People")).toBeLessThan(html.indexOf("Organisations"));
    expect(html.indexOf('href="/entities/a"')).toBeLessThan(html.indexOf('href="/entities/b"'));
    expect(html).toContain(
      '<span class="entity-count">5<span class="visually-hidden"> mentions</span></span>',
    );
    expect(html).not.toContain("APEC");
  });

  it("folds names past the first twelve of a type into a disclosure", () => {
    const many = Array.from({ length: 15 }, (_, i) => ({
      slug: `p${i}`,
      name: `P${i}`,
      type: "person" as const,
      mentions: 20 - i,
    }));
    const html = renderToStaticMarkup(<EntityIndex entities={many} />);
    expect(html).toContain("<summary>3 more people</summary>");
  });

  it("says whether it has anything to list, so the page keeps one column without it", () => {
    expect(hasIndexedEntities([{ type: "event" }, { type: "law" }])).toBe(false);
    expect(hasIndexedEntities([{ type: "law" }, { type: "place" }])).toBe(true);
  });

  it("renders nothing without people, organisations or places", () => {
    expect(renderToStaticMarkup(<EntityIndex entities={[]} />)).toBe("");
  });
});

describe("StoryLink", () => {
  it("links to the story by its headline", () => {
    const html = renderToStaticMarkup(
      <StoryLink
        story={{ id: "0b8c5c4e-7f55-4b5e-9f0a-1d2e3f4a5b6c", title: "Takaichi wins", articleCount: 3 }}
      />,
    );
    expect(html).toContain('<a href="/stories/0b8c5c4e-7f55-4b5e-9f0a-1d2e3f4a5b6c">Takaichi wins</a>');
    expect(html).toContain("(3 articles)");
  });
});
