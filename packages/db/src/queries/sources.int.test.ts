import { zSourceSettings } from "@parallax/core";
import { normalize } from "@parallax/core/normalize";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isolatedDatabase } from "../../../../tooling/vitest/services";
import { closeDatabase, createDatabase, type Database } from "../client";
import { loadBriefingArticles } from "./briefing-input";
import { comparisonArticleStates } from "./comparisons";
import { storeNormalizedArticle } from "./pipeline";
import { getOutlet, listOutlets, updateSourceSettings } from "./sources";
import { storeSubmission } from "./submit";

let db: Database;
let drop: () => Promise<void>;

beforeAll(async () => {
  const database = await isolatedDatabase();
  drop = database.drop;
  db = createDatabase(database.url, { max: 4 });
});

afterAll(async () => {
  await closeDatabase(db);
  await drop();
});

const page = (title: string, body: string, lang: string) => `<!doctype html><html lang="${lang}"><head>
<title>${title}</title></head><body><article><h1>${title}</h1>
${Array.from({ length: 4 }, (_, i) => `<p>${body} ${title} ${["first", "second", "third", "fourth"][i]} ${body.split(" ").reverse().join(" ")} ${i * 7 + title.length}.</p>`).join("\n")}
</article></body></html>`;

async function store(url: string, title: string, body: string, lang = "en") {
  const html = page(title, body, lang);
  const { articleId } = await storeSubmission(db, { html, url });
  await storeNormalizedArticle(db, articleId, normalize({ kind: "html", html, url }));
  return articleId;
}

describe("sources", () => {
  let opinionId = "";
  let newsId = "";

  it("infers a new outlet's country from its ccTLD and lists its articles", async () => {
    opinionId = await store(
      "https://www.example.co.jp/opinion/2026/a",
      "Why the port should wait",
      "We argue.",
    );
    newsId = await store("https://www.example.co.jp/news/2026/b", "Port opens on Monday", "The port opens.");
    await store("https://www.example.com/world/c", "A world story", "Something happened abroad.");

    const { items, total } = await listOutlets(db, { limit: 50, offset: 0 });
    expect(total).toBe(2);
    const jp = items.find((o) => o.domain === "example.co.jp");
    expect(jp).toMatchObject({
      country: "JP",
      countrySource: "inferred",
      articleCount: 2,
      languages: ["en"],
    });
    expect(jp?.latestArticleAt).toMatch(/^\d{4}-/);
    expect(items.find((o) => o.domain === "example.com")).toMatchObject({
      country: null,
      countrySource: null,
    });
    // Most articles first.
    expect(items[0]?.domain).toBe("example.co.jp");
  });

  it("keeps an administrator's settings when the outlet's next article arrives", async () => {
    const jp = (await listOutlets(db, { limit: 50, offset: 0 })).items.find(
      (o) => o.domain === "example.co.jp",
    )!;
    const settings = zSourceSettings.parse({
      id: jp.id,
      country: "gb",
      perspective: "  Japanese centre-right ",
      opinionSections: ["/opinion/", "Commentary", "", "Commentary"],
    });
    const updated = await updateSourceSettings(db, settings);
    expect(updated).toMatchObject({
      country: "GB",
      countrySource: "admin",
      perspective: "Japanese centre-right",
      opinionSections: ["/opinion/", "Commentary"],
    });
    await store(
      "https://www.example.co.jp/news/2026/d",
      "Budget passes",
      "Lawmakers approved spending on schools, rail lines and flood barriers after a long night of votes.",
    );
    expect(await getOutlet(db, jp.id)).toMatchObject({
      country: "GB",
      countrySource: "admin",
      articleCount: 3,
    });
    expect(await updateSourceSettings(db, { ...settings, id: crypto.randomUUID() })).toBeNull();
  });

  it("makes articles in an outlet's opinion sections opinion for briefings and comparisons", async () => {
    // Enrichment is required for briefing input; give both articles an empty one.
    await db.execute(sql`insert into article_enrichment (article_id, version, output_hash)
      select id, 1, 'x' from articles where id in (${opinionId}::uuid, ${newsId}::uuid)`);
    const states = await comparisonArticleStates(db, [opinionId, newsId]);
    expect(states.map((s) => s.genre)).toEqual(["opinion", "news"]);
    expect(states[0]?.source).toEqual({ name: expect.any(String), country: "GB" });
    const briefing = await loadBriefingArticles(db, [opinionId, newsId]);
    for (const article of briefing) expect(article.genre).toBe(article.id === opinionId ? "opinion" : "news");
  });

  it("refuses bad settings at the boundary with a message naming the field", () => {
    const id = crypto.randomUUID();
    const issues = (input: unknown) =>
      zSourceSettings.safeParse(input).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];
    expect(issues({ id, country: "XX", perspective: null, opinionSections: [] })[0]).toMatch(
      /^country: .*ISO/,
    );
    expect(issues({ id, country: null, perspective: "x".repeat(81), opinionSections: [] })[0]).toMatch(
      /^perspective/,
    );
    expect(issues({ id, country: null, perspective: null, opinionSections: Array(21).fill("a") })[0]).toMatch(
      /20 opinion sections/,
    );
    expect(issues({ id: "nope", country: null, perspective: null, opinionSections: [] })[0]).toMatch(/^id/);
  });
});
