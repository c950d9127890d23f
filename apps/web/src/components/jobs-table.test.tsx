import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { formatJobTime, JobCountsTable, JobList, type JobRow } from "@parallax/ui";

const job: JobRow = {
  id: "a1",
  name: "ingest",
  summary: "articleId: 5b0c1f6e-7d7a-4a53-9a1c-2f3d4e5f6a7b",
  articleId: "5b0c1f6e-7d7a-4a53-9a1c-2f3d4e5f6a7b",
  storyId: null,
  attemptsMade: 4,
  attempts: 4,
  createdAt: Date.UTC(2026, 10, 21, 9, 30, 12),
  processedAt: null,
  finishedAt: null,
  progress: { percent: 40, stage: "normalize" },
  failedReason: "<b>not an article</b>",
};

describe("jobs table", () => {
  it("marks failed counts in words-bearing cells and paused stages in text", () => {
    const html = renderToStaticMarkup(
      <JobCountsTable
        caption="Jobs"
        counts={[
          { stage: "ingest", waiting: 1, active: 0, delayed: 0, completed: 1200, failed: 3, paused: true },
        ]}
      />,
    );
    expect(html).toContain("<caption>Jobs</caption>");
    expect(html).toContain("(paused)");
    expect(html).toContain('class="num jobs-count-failed">3<');
    expect(html).toContain("1,200");
  });

  it("lists a job with its article link, attempts, progress and escaped failure reason", () => {
    const html = renderToStaticMarkup(
      <JobList jobs={[job]} empty="none" actions={() => <button type="button">Retry</button>} />,
    );
    expect(html).toContain('href="/articles/5b0c1f6e-7d7a-4a53-9a1c-2f3d4e5f6a7b"');
    expect(html).toContain("4 attempts of 4; progress 40% (normalize)");
    expect(html).toContain("&lt;b&gt;not an article&lt;/b&gt;");
    expect(html).toContain("21 Nov, 09:30:12 UTC");
    expect(html).toContain("Retry");
  });

  it("says so when there are no jobs", () => {
    expect(renderToStaticMarkup(<JobList jobs={[]} empty="No failed jobs in ingest." />)).toContain(
      "No failed jobs in ingest.",
    );
    expect(formatJobTime(null)).toBeNull();
  });
});
