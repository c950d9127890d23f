import { readFileSync } from "node:fs";
import type { ClusterDoc } from "@parallax/core/cluster";
import { sql } from "drizzle-orm";
import type { Database } from "../client";

export interface WclArticle extends ClusterDoc {
  event: number;
  /** `LL`, `L`, `M`, `R`, `RR`: the outlet's place on the spectrum, one outlet each. */
  outlet: string;
}

/** NewsWCL50 from ../shared/data: ten events of 2018, five outlets each; the first line stands as the title. */
export function newswcl(): WclArticle[] {
  const dir = new URL("../../../../../shared/data/newswcl50/", import.meta.url);
  const index = JSON.parse(readFileSync(new URL("index.json", dir), "utf8")) as Array<{
    file: string;
    event: number;
    outlet: string;
  }>;
  return index.map(({ file, event, outlet }) => {
    const raw = readFileSync(new URL(file, dir), "utf8");
    const cut = raw.indexOf("\n");
    const title = raw.slice(0, cut).trim();
    return { id: file, event, outlet, title, text: raw.slice(cut + 1).trim(), publishedAt: null };
  });
}

/** A seeded shuffle, so every run sees the same arrival order. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Two halves of one story told apart, then an article telling both: the engine merges them. */
export const bridge: ClusterDoc[] = [
  { id: "a", title: "Harbor bridge closed after cracks found in main span", text: "", publishedAt: null },
  {
    id: "b",
    title: "Ferry operators add sailings across the bay for stranded commuters",
    text: "",
    publishedAt: null,
  },
  {
    id: "c",
    title:
      "Harbor bridge closed after cracks found in main span; Ferry operators add sailings across the bay for stranded commuters",
    text: "",
    publishedAt: null,
  },
];

/**
 * Stores a readable article as the pipeline would leave it (no enrichment): title, date, source and paragraphs
 * (the text's blank-line-separated blocks). Returns its id.
 */
export async function insertArticle(
  db: Database,
  doc: Pick<ClusterDoc, "title" | "text" | "publishedAt"> & { source?: string },
): Promise<string> {
  const source = doc.source
    ? (
        await db.execute(sql`
          insert into sources (name, domain) values (${doc.source}, ${`${doc.source.toLowerCase()}.example`})
          on conflict (domain) do update set name = excluded.name returning id::text`)
      ).rows[0]!.id
    : null;
  const [article] = (
    await db.execute(sql`
      insert into articles (title, status, published_at, language, source_id)
      values (${doc.title}, 'ready', ${doc.publishedAt}::timestamptz, 'en', ${source}::uuid) returning id::text`)
  ).rows as Array<{ id: string }>;
  const blocks = doc.text.split(/\n\s*\n/).filter((block) => block.trim().length > 0);
  for (const [i, text] of blocks.entries())
    await db.execute(
      sql`insert into paragraphs (article_id, n, kind, text) values (${article!.id}, ${i + 1}, 'paragraph', ${text.trim()})`,
    );
  return article!.id;
}
