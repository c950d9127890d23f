import type { Database } from "@parallax/db";

/** What Postgres holds after a run, in the terms the fault tests state "nothing lost" and "exactly once" in. */
export interface PipelineLedger {
  articles: number;
  byStatus: Record<string, number>;
  /** Ready articles whose stored paragraphs are not exactly 1..expected (a lost or doubled store). */
  wrongParagraphs: string[];
  /** Articles with other than one stored revision: a second store of the same text would make a second. */
  wrongRevisions: string[];
  /** Ready articles without an enrichment. */
  unenriched: number;
  /** Entities whose recorded mention count differs from their mention rows (a doubled or partial write). */
  inconsistentEntities: number;
  /** Ready articles in no story; story memberships beyond one per article cannot exist (primary key). */
  withoutStory: number;
  memberships: number;
  /** Members as the live stories count them, and articles as the clustering corpus counts them: each must
   * equal `memberships`, or an article was counted twice (or not at all) by a repeated cluster job. */
  storySizes: number;
  corpusDocuments: number;
}

/** Reads the ledger of the whole database: fault tests run in a database of their own. */
export async function readLedger(db: Database, expectedParagraphs: Map<string, number>): Promise<PipelineLedger> {
  const q = async <T>(sql: string, params: unknown[] = []) => (await db.$client.query(sql, params)).rows as T[];
  const statusRows = await q<{ status: string; n: number }>(
    "select status, count(*)::int as n from articles group by status",
  );
  const paragraphRows = await q<{ id: string; n: number; lo: number | null; hi: number | null }>(
    `select a.id, count(p.n)::int as n, min(p.n) as lo, max(p.n) as hi
       from articles a left join paragraphs p on p.article_id = a.id
      where a.status = 'ready' group by a.id`,
  );
  const wrongParagraphs = paragraphRows
    .filter((row) => {
      const expected = expectedParagraphs.get(row.id);
      return expected === undefined || row.n !== expected || row.lo !== 1 || row.hi !== expected;
    })
    .map((row) => row.id);
  const wrongRevisions = (
    await q<{ id: string }>(
      `select a.id from articles a left join article_revisions r on r.article_id = a.id
        where a.status = 'ready' group by a.id having count(r.article_id) <> 1 or max(a.revision) <> 1`,
    )
  ).map((row) => row.id);
  const [counts] = await q<{
    unenriched: number;
    inconsistent: number;
    without_story: number;
    memberships: number;
    story_sizes: number;
    corpus: number;
  }>(
    `select
       (select count(*)::int from articles a where a.status = 'ready'
          and not exists (select 1 from article_enrichment e where e.article_id = a.id)) as unenriched,
       (select count(*)::int from article_entities ae
          where ae.mentions <> (select count(*) from mentions m
                                 where m.article_id = ae.article_id and m.entity_slug = ae.slug)) as inconsistent,
       (select count(*)::int from articles a where a.status = 'ready'
          and not exists (select 1 from article_stories s where s.article_id = a.id)) as without_story,
       (select count(*)::int from article_stories) as memberships,
       (select coalesce(sum(size), 0)::int from stories where merged_into is null) as story_sizes,
       (select coalesce(max(documents), 0)::int from cluster_corpus) as corpus`,
  );
  return {
    articles: statusRows.reduce((sum, row) => sum + row.n, 0),
    byStatus: Object.fromEntries(statusRows.map((row) => [row.status, row.n])),
    wrongParagraphs,
    wrongRevisions,
    unenriched: counts!.unenriched,
    inconsistentEntities: counts!.inconsistent,
    withoutStory: counts!.without_story,
    memberships: counts!.memberships,
    storySizes: counts!.story_sizes,
    corpusDocuments: counts!.corpus,
  };
}
