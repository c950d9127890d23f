import { describe, expect, it } from "vitest";
import { defaultJobsView, jobsViewQuery, parseJobsView } from "./jobs-params";

describe("parseJobsView", () => {
  it("reads a stage, a state and a page from the URL", () => {
    expect(parseJobsView({ stage: "enrich", state: "waiting", page: "3" })).toEqual({
      stage: "enrich",
      state: "waiting",
      page: 3,
    });
  });

  it("falls back to the default view for hand-edited nonsense", () => {
    expect(parseJobsView({ stage: "<script>", state: ["x", "y"], page: "-4" })).toEqual(defaultJobsView);
    expect(parseJobsView({ page: "1e999" }).page).toBe(1);
    expect(parseJobsView({})).toEqual(defaultJobsView);
  });

  it("round-trips through the query string", () => {
    const view = { stage: "brief", state: "delayed", page: 2 } as const;
    expect(parseJobsView(Object.fromEntries(new URLSearchParams(jobsViewQuery(view))))).toEqual(view);
  });
});
