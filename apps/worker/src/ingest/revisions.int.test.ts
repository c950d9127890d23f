import { createBriefQueue, refetchDedupId } from "@parallax/queue";
import {
  currentRevision,
  getArticle,
  getRevision,
  latestBriefing,
  listRevisions,
  storeBriefing,
  storyOfArticle,
} from "@parallax/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness, waitFor } from "../__fixtures__/harness";

const page = (paragraphs: string[]) => `<!doctype html><html lang="en"><head>
<title>Council approves new tram line | Valley Courier</title>
<meta property="og:site_name" content="Valley Courier"></head><body><nav><a href="/">Home</a></nav>
<article><h1>Council approves new tram line</h1>
${paragraphs.map((p) => `<p>${p}</p>`).join("\n")}
</article><footer>© Valley Courier</footer></body></html>`;

const FIRST = [
  "The city council approved a new tram line on Monday, linking the harbour district with the university campus.",
  "Construction is expected to cost 240 million euros and to begin in the spring, the transport office said.",
  "Opponents argued that the money would be better spent on buses serving the outer suburbs of the city.",
];
const SECOND = [
  FIRST[0]!,
  "Construction is now expected to cost 310 million euros and to begin in the autumn, the transport office said.",
  FIRST[2]!,
  "The mayor said a public consultation on the exact route would open next month.",
];

let served = FIRST;
let h: Harness;

beforeAll(async () => {
  h = await startHarness((req, res) => {
    if (req.url === "/story")
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page(served));
    else res.writeHead(404, { "content-type": "text/html" }).end("<h1>Not found</h1>");
  });
  await h.startWorkers();
});

afterAll(() => h.close());

describe("article revisions", () => {
  it("a changed page becomes revision 2 with a diff, and briefing points citing it are marked", async () => {
    const url = `${h.origin}/story`;
    const submitted = await h.api().article.submit({ url });
    const first = await h.waitForFinal(submitted.articleId);
    expect(first.status).toBe("ready");
    expect(await listRevisions(h.db, first.id)).toMatchObject([{ revision: 1, reason: "first" }]);

    // A briefing of the article's story that cites the paragraph about to change (¶3 after the heading).
    const story = await waitFor(() => storyOfArticle(h.db, first.id), "story assignment");
    await waitFor(() => latestBriefing(h.db, "story", story.storyId), "first briefing");
    const costParagraph = first.paragraphs.find((p) => p.text.startsWith("Construction"))!.n;
    const stored = await storeBriefing(h.db, {
      scope: "story",
      subjectId: story.storyId,
      inputHash: "test-briefing-citing-cost",
      content: {
        keyPoints: [
          {
            n: 1,
            sentences: [
              {
                text: "It costs 240 million.",
                citations: [{ articleId: first.id, source: "Valley Courier", paragraph: costParagraph }],
              },
            ],
          },
          {
            n: 2,
            sentences: [
              {
                text: "The line was approved.",
                citations: [{ articleId: first.id, source: "Valley Courier", paragraph: costParagraph - 1 }],
              },
            ],
          },
        ],
      },
    });
    const briefs = createBriefQueue({ connection: h.redis, prefix: h.services.prefix });
    const briefJobsBefore = (await briefs.getJobs(["waiting", "delayed", "active", "completed"])).length;

    served = SECOND;
    const again = await h.api().article.submit({ url: `${url}?utm_source=feed` });
    expect(again).toMatchObject({ articleId: first.id, created: false, status: "ready", refetch: "queued" });
    // A second resubmission within the window collapses into the first.
    expect(await h.api().article.submit({ url })).toMatchObject({ refetch: "recent" });

    const revision2 = await waitFor(() => getRevision(h.db, first.id, 2), "revision 2");
    expect(revision2.reason).toBe("refetch");
    const article = (await getArticle(h.db, first.id))!;
    expect(article.paragraphs.map((p) => p.text)).toEqual(expect.arrayContaining(SECOND));
    expect((await getRevision(h.db, first.id, 1))!.paragraphs.map((p) => p.text)).toEqual(
      expect.arrayContaining(FIRST),
    );

    const { diff } = await h.api().article.revisionDiff({ id: first.id, from: 1, to: 2 });
    expect(diff).toMatchObject({ changed: 1, added: 1, removed: 0 });
    const changed = diff.changes.find((c) => c.op === "changed");
    expect(changed).toMatchObject({ oldN: costParagraph, newN: costParagraph });
    if (changed?.op !== "changed") throw new Error("unreachable");
    expect(changed.parts.filter((p) => p.op === "del").map((p) => p.text.trim())).toContain("240");
    expect(changed.parts.filter((p) => p.op === "ins").map((p) => p.text.trim())).toContain("310");
    expect(diff.changes.find((c) => c.op === "added")).toMatchObject({ text: SECOND[3] });

    const marks = await waitFor(async () => {
      const found = await h.db.$client.query(
        "select points from briefing_marks m join briefings b on b.id = m.briefing_id where b.version = $1 and b.subject_id = $2",
        [stored.version, story.storyId],
      );
      return found.rows[0]?.points as unknown[] | undefined;
    }, "briefing marks");
    expect(marks).toEqual([{ point: 1, paragraph: costParagraph, reason: "changed" }]);
    await waitFor(
      async () =>
        (await briefs.getJobs(["waiting", "delayed", "active", "completed"])).length > briefJobsBefore ||
        null,
      "briefing rebuild job",
    );
    await briefs.close();

    // The same page fetched again (after the window) records the fetch, not a revision 3.
    const fetchedBefore = await h.db.$client.query("select fetched_at from articles where id = $1", [
      first.id,
    ]);
    await h.queue.removeDeduplicationKey(refetchDedupId(first.id));
    expect(await h.api().article.submit({ url })).toMatchObject({ refetch: "queued" });
    await waitFor(async () => {
      const now = await h.db.$client.query("select fetched_at from articles where id = $1", [first.id]);
      return now.rows[0].fetched_at > fetchedBefore.rows[0].fetched_at || null;
    }, "unchanged refetch");
    expect((await listRevisions(h.db, first.id)).map((r) => r.revision)).toEqual([1, 2]);
    expect((await currentRevision(h.db, first.id))?.revision).toBe(2);
  });

  it("refuses a diff of a revision that does not exist, by number", async () => {
    const submitted = await h.api().article.submit({ url: `${h.origin}/story` });
    await expect(h.api().article.revisionDiff({ id: submitted.articleId, from: 1, to: 9 })).rejects.toThrow(
      /has no revision 9/,
    );
    await expect(h.api().article.revisionDiff({ id: submitted.articleId, from: 2, to: 2 })).rejects.toThrow(
      /different revisions/,
    );
  });
});
