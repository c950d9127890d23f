import { sql } from "drizzle-orm";
import type { Database } from "../client";

/**
 * Enriched articles that are in no story: their cluster job was lost (Redis restarted) or never made (stored
 * before clustering existed). Oldest first, since a story is built in arrival order. `among` narrows the look to
 * those articles.
 */
export async function listArticlesWithoutStory(
  db: Database,
  limit: number,
  among?: readonly string[],
): Promise<string[]> {
  if (among?.length === 0) return [];
  const only = among ? sql`and a.id = any(${`{${among.join(",")}}`}::uuid[])` : sql``;
  const result = await db.execute(sql`
    select a.id::text as id
    from articles a
    join article_enrichment e on e.article_id = a.id and e.error is null
    where a.status in ('ready', 'duplicate')
      and not exists (select 1 from article_stories x where x.article_id = a.id)
      ${only}
    order by a.created_at
    limit ${Math.max(1, Math.floor(limit))}`);
  return (result.rows as Array<{ id: string }>).map((r) => r.id);
}
