import { createHash } from "node:crypto";
import { comparableUrl, type IngestRequest, ingestKind } from "@parallax/core";
import { eq, or } from "drizzle-orm";
import type { Database } from "../client";
import { articles, rawDocuments } from "../schema/index";

export interface Submission {
  articleId: string;
  status: string;
  /** False when the same URL or the same document was already stored: nothing new was written. */
  created: boolean;
}

/** Whitespace differences alone do not make a second document. */
function submissionHash(kind: string, body: string): string {
  return createHash("sha256")
    .update(`${kind}\n${body.replace(/\s+/g, " ").trim()}`)
    .digest("hex");
}

/**
 * Stores the raw document and a `queued` article in one transaction, or finds the article that already holds
 * the same URL or the same pasted content. Unique indexes make this safe under concurrent submissions.
 */
export async function storeSubmission(db: Database, request: IngestRequest): Promise<Submission> {
  const kind = ingestKind(request);
  const url = request.url ?? null;
  const urlKey = url ? comparableUrl(url) : null;
  const body = "text" in request ? request.text : "html" in request ? request.html : null;
  const hash = body === null ? null : submissionHash(kind, body);

  return db.transaction(async (tx) => {
    // An AMP or mobile copy already stored under its canonical URL is the same article.
    if (urlKey) {
      const [byCanonical] = await tx
        .select({ id: articles.id, status: articles.status })
        .from(articles)
        .where(eq(articles.canonicalKey, urlKey))
        .limit(1);
      if (byCanonical) return { articleId: byCanonical.id, status: byCanonical.status, created: false };
    }
    const [inserted] = await tx
      .insert(articles)
      .values({
        url,
        urlKey,
        submissionHash: hash,
        title: "title" in request ? (request.title ?? null) : null,
      })
      .onConflictDoNothing()
      .returning({ id: articles.id, status: articles.status });
    if (inserted) {
      await tx.insert(rawDocuments).values({
        articleId: inserted.id,
        kind,
        url,
        body,
        title: "title" in request ? (request.title ?? null) : null,
        sourceName: "sourceName" in request ? (request.sourceName ?? null) : null,
      });
      return { articleId: inserted.id, status: inserted.status, created: true };
    }
    const match = [
      urlKey ? eq(articles.urlKey, urlKey) : undefined,
      hash ? eq(articles.submissionHash, hash) : undefined,
    ];
    const [existing] = await tx
      .select({ id: articles.id, status: articles.status })
      .from(articles)
      .where(or(...match.filter((m) => m !== undefined)))
      .limit(1);
    if (!existing)
      throw new Error("submission conflicted with an article that no longer exists; submit again");
    return { articleId: existing.id, status: existing.status, created: false };
  });
}
