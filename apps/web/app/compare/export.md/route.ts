import { comparisonExport } from "~/server/compare-export";

/** The comparison as a cited Markdown report, for the same query parameters as `/compare`. */
export async function GET(request: Request) {
  return comparisonExport(request, "md");
}
