import { createCaller } from "@parallax/api";
import { zArticleId } from "@parallax/core";
import { createContext, log } from "~/server/context";
import { describeError } from "~/server/errors";
import { jsonError, jsonReply } from "~/server/http";

/** The article's progress through the pipeline, and the article itself once it is ready. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!zArticleId.safeParse(id).success) return jsonError(400, `"${id.slice(0, 64)}" is not an article id`);
  try {
    const caller = createCaller(await createContext(request.headers));
    const progress = await caller.article.progress({ id });
    const article = progress.status === "ready" ? await caller.article.byId({ id }) : null;
    return Response.json({ ...progress, article });
  } catch (error) {
    return jsonReply(describeError(error, log));
  }
}
