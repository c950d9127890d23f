import { sql } from "drizzle-orm";
import type { Database } from "../client";

export interface FeedBriefing {
  storyId: string;
  /** The latest version: a feed reader sees the entry change when it grows. */
  version: number;
  builtAt: string;
  /** When the story's first briefing was built: the entry's publication date. */
  firstBuiltAt: string;
  articleCount: number;
  /** As stored; the briefing schema in @parallax/core says what it holds. */
  content: unknown;
}

/**
 * The latest briefing of each live story, most recently built first; with `entitySlug`, only stories one of
 * whose articles names that entity; with `storyId`, every version of that one story. A merged story's briefings are left out: its articles are in the story it
 * was merged into, whose own briefing says what they report.
 */
export async function listFeedBriefings(
  db: Database,
  options: { limit: number; entitySlug?: string | undefined; storyId?: string | undefined },
): Promise<FeedBriefing[]> {
  // An entity's stories come from its articles (indexed by slug); their briefings by the subject index.
  const entity = options.entitySlug
    ? sql`and b.subject_id in (select ast.story_id from article_entities ae
                               join article_stories ast on ast.article_id = ae.article_id
                               where ae.slug = ${options.entitySlug})`
    : sql``;
  // One story's feed lists each of its versions: every rebuild is news to whoever follows that story.
  const latestOnly = options.storyId
    ? sql`and b.subject_id = ${options.storyId}`
    : sql`and not exists (select 1 from briefings n
                          where n.scope = 'story' and n.subject_id = b.subject_id and n.version > b.version)`;
  const rows = await db.execute<Record<string, unknown>>(sql`
    select b.subject_id as story_id, b.version, b.built_at, b.content,
           (select min(f.built_at) from briefings f where f.scope = 'story' and f.subject_id = b.subject_id)
             as first_built_at,
           (select count(*)::int from article_stories x where x.story_id = b.subject_id) as article_count
    from briefings b
    join stories s on s.id = b.subject_id and s.merged_into is null
    where b.scope = 'story'
      ${latestOnly}
      ${entity}
    order by b.built_at desc, b.subject_id, b.version desc
    limit ${options.limit}`);
  return rows.rows.map((r) => ({
    storyId: r.story_id as string,
    version: r.version as number,
    builtAt: new Date(r.built_at as string).toISOString(),
    firstBuiltAt: new Date(r.first_built_at as string).toISOString(),
    articleCount: r.article_count as number,
    content: r.content,
  }));
}
