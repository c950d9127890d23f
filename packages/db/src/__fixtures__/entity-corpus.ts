import { sql } from "drizzle-orm";
import type { Database } from "../client";
import { storeBriefing } from "../queries/briefings";
import { insertArticle } from "./stories";

/** A briefing in the stored format with one cited key point, headed by `headline`. */
export function briefingContent(headline: string, articleId: string, source: string) {
  const citation = { articleId, source, paragraph: 1 };
  return {
    builder: 1,
    scope: "story",
    headline: { text: headline, citations: [citation] },
    keyPoints: [
      {
        n: 1,
        sentences: [{ text: `${headline}, said the report.`, citations: [citation] }],
        articleIds: [articleId],
        genre: "news",
        attributedTo: null,
      },
    ],
    entities: [],
    timeline: [],
    figures: [],
    sources: [
      {
        articleId,
        label: source,
        outlet: source,
        country: null,
        title: "Report",
        url: null,
        publishedAt: null,
        referenceDate: null,
        genre: "news",
        genreInferred: false,
      },
    ],
  };
}

async function insertStory(db: Database, articleIds: string[], mergedInto: string | null = null) {
  const [row] = (
    await db.execute(sql`
      insert into stories (size, terms, norm, norm_documents, merged_into)
      values (${articleIds.length}, '[]'::jsonb, 1, 1, ${mergedInto}::uuid) returning id::text`)
  ).rows as Array<{ id: string }>;
  for (const articleId of articleIds)
    await db.execute(sql`insert into article_stories (article_id, story_id) values (${articleId}, ${row!.id})`);
  return row!.id;
}

async function naming(
  db: Database,
  articleId: string,
  slug: string,
  name: string,
  aliases: Array<{ text: string; count: number }>,
  description: string | null = null,
) {
  const mentions = aliases.reduce((sum, a) => sum + a.count, 0);
  const described = description ? JSON.stringify({ text: description, paragraph: 1, start: 0, end: 5 }) : null;
  await db.execute(sql`
    insert into article_entities (article_id, slug, name, type, aliases, mentions, description)
    values (${articleId}, ${slug}, ${name}, 'person', ${JSON.stringify(aliases)}::jsonb, ${mentions},
            ${described}::jsonb)`);
}

async function mention(db: Database, articleId: string, slug: string, paragraph: number, start: number, text: string) {
  await db.execute(sql`
    insert into mentions (article_id, entity_slug, paragraph, start, "end", text, form)
    values (${articleId}, ${slug}, ${paragraph}, ${start}, ${start + text.length}, ${text}, 'name')`);
}

async function quote(
  db: Database,
  articleId: string,
  paragraph: number,
  start: number,
  text: string,
  kind: string,
  speaker: string | null,
  speakerEntity: string | null,
) {
  await db.execute(sql`
    insert into quotes (article_id, paragraph, start, "end", text, kind, speaker, speaker_entity, cue)
    values (${articleId}, ${paragraph}, ${start}, ${start + text.length}, ${text}, ${kind}, ${speaker},
            ${speakerEntity}, 'said')`);
}

export const HOSTILE_HEADLINE = `Ishiba <script>alert("x")</script> & ]]> talks`;

/**
 * Three articles naming Shigeru Ishiba (two outlets and one of none), quotes by him, about him and beside the
 * point, and four stories: his briefed one (two versions), his unbriefed one, one merged away, one without him.
 */
export async function seedEntityCorpus(db: Database) {
  const nippon = await insertArticle(db, {
    title: "Ishiba meets Xi",
    text: "Shigeru Ishiba flew to Beijing.\n\nIshiba said: “We will talk.” He called it a “reset”.",
    publishedAt: "2026-03-01T09:00:00Z",
    source: "nippon.com",
  });
  const caixin = await insertArticle(db, {
    title: "Xi receives Japanese leader",
    text: "Japanese Prime Minister Shigeru Ishiba arrived.\n\nXi said: “Ishiba is welcome.”\n\nXi said: “Trade matters.”",
    publishedAt: "2026-03-20T09:00:00Z",
    source: "Caixin",
  });
  const undated = await insertArticle(db, { title: "Ishiba again", text: "Ishiba spoke.", publishedAt: null });
  const other = await insertArticle(db, {
    title: "Unrelated",
    text: "Rain in Osaka.",
    publishedAt: "2026-03-05T09:00:00Z",
  });
  await db.execute(sql`
    insert into entities (slug, name, type, description) values
      ('shigeru-ishiba', 'Shigeru Ishiba', 'person', 'Prime Minister of Japan'),
      ('xi-jinping', 'Xi Jinping', 'person', null)`);

  await naming(db, nippon, "shigeru-ishiba", "Shigeru Ishiba", [
    { text: "Shigeru Ishiba", count: 1 },
    { text: "Ishiba", count: 1 },
  ]);
  await naming(
    db,
    caixin,
    "shigeru-ishiba",
    "Shigeru Ishiba",
    [
      { text: "Japanese Prime Minister Shigeru Ishiba", count: 1 },
      { text: "Ishiba", count: 1 },
    ],
    "Japanese Prime Minister",
  );
  await naming(db, undated, "shigeru-ishiba", "Shigeru Ishiba", [{ text: "Ishiba", count: 1 }]);
  await naming(db, caixin, "xi-jinping", "Xi Jinping", [{ text: "Xi", count: 2 }]);

  await mention(db, nippon, "shigeru-ishiba", 1, 0, "Shigeru Ishiba");
  await mention(db, nippon, "shigeru-ishiba", 2, 0, "Ishiba");
  await mention(db, caixin, "shigeru-ishiba", 1, 24, "Shigeru Ishiba");
  await mention(db, caixin, "shigeru-ishiba", 2, 10, "Ishiba");
  await mention(db, undated, "shigeru-ishiba", 1, 0, "Ishiba");

  await quote(db, nippon, 2, 13, "We will talk.", "direct", "Ishiba", "shigeru-ishiba");
  await quote(db, nippon, 2, 42, "reset", "scare", null, null);
  await quote(db, caixin, 2, 10, "Ishiba is welcome.", "direct", "Xi", "xi-jinping");
  await quote(db, caixin, 3, 10, "Trade matters.", "direct", "Xi", "xi-jinping");

  const briefed = await insertStory(db, [nippon, caixin]);
  const unbriefed = await insertStory(db, [undated]);
  const unrelated = await insertStory(db, [other]);
  const merged = await insertStory(db, [], briefed);
  const store = (subjectId: string, inputHash: string, content: unknown) =>
    storeBriefing(db, { scope: "story", subjectId, inputHash, content });
  await store(merged, "m1", briefingContent("Merged away", nippon, "nippon.com"));
  await store(briefed, "b1", briefingContent("Ishiba meets Xi", nippon, "nippon.com"));
  await store(unrelated, "u1", briefingContent("Rain in Osaka", other, "Unknown"));
  await store(briefed, "b2", briefingContent(HOSTILE_HEADLINE, caixin, "Caixin"));
  await db.execute(sql`update stories set revision = nextval('story_revision_seq') where id = ${briefed}`);
  return { nippon, caixin, undated, other, briefed, unbriefed, unrelated, merged };
}
