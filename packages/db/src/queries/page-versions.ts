import { sql } from "drizzle-orm";
import type { Database } from "../client";

/**
 * Cheap fingerprints of what a page shows, read on every request so that a page cache (apps/web) knows when its
 * copy is out of date without reading the page's data again. Story revisions come from one sequence, bumped on
 * every save of a story (an article assigned, moved or split off, a merge).
 */

/** The home page's cards change when a live story is saved or a story briefing is stored. */
export async function storyCardsVersion(db: Database): Promise<string> {
  const { rows } = await db.execute(sql`
    select (select max(revision) from stories where merged_into is null)::text as revision,
           (select count(*) from briefings where scope = 'story')::text as briefings`);
  const row = rows[0] as { revision: string | null; briefings: string } | undefined;
  return `${row?.revision ?? 0}:${row?.briefings ?? 0}`;
}

/**
 * A story page's parts: the story row (its articles, merges), its latest briefing version and that briefing's
 * marks of changed paragraphs. Null for an id that is no story.
 */
export async function storyPageVersion(
  db: Database,
  id: string,
): Promise<{ briefingVersion: number | null; token: string } | null> {
  const { rows } = await db.execute(sql`
    with s as (select id, revision, merged_into from stories where id = ${id}::uuid),
         b as (
           select id, version from briefings
           where scope = 'story' and subject_id = (select coalesce(merged_into, id) from s)
           order by version desc limit 1)
    select s.revision::text as revision, s.merged_into::text as merged_into,
           (select version from b) as version,
           (select count(*) from briefing_marks m where m.briefing_id = (select id from b))::int as marks
    from s`);
  const row = rows[0] as
    | { revision: string; merged_into: string | null; version: number | null; marks: number }
    | undefined;
  if (!row) return null;
  return {
    briefingVersion: row.version,
    token: `${row.revision}:${row.merged_into ?? ""}:${row.version ?? 0}:${row.marks}`,
  };
}
