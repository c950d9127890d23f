import { briefingExport } from "~/server/briefing-export";

/** The story's briefing as Markdown; `?version=N` for an earlier version. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return briefingExport(request, (await params).id, "md");
}
