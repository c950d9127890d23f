import { comparisonExport } from "~/server/compare-export";

/** The comparison as JSON, for the same query parameters as `/compare`. */
export async function GET(request: Request) {
  return comparisonExport(request, "json");
}
