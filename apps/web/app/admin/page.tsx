import type { Metadata } from "next";
import Link from "next/link";
import { ReprocessPanel } from "~/components/reprocess-panel";
import { TokensManager } from "~/components/tokens-manager";
import { getViewer } from "~/server/caller";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  const { isAdmin, viewer } = await getViewer();
  if (!isAdmin) {
    return (
      <>
        <h1 className="page-title">Admin</h1>
        <p className="sign-in-to">
          {viewer.kind === "token" ? "This token may only submit articles. " : ""}
          <Link href="/signin?next=%2Fadmin">Sign in</Link> as an administrator to reprocess articles and
          manage API tokens.
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="page-title">Admin</h1>
      <h2>API tokens</h2>
      <p className="lede">
        Scripts send a token as <code>Authorization: Bearer pxt_…</code>. A <em>submit</em> token may only
        submit articles (and read); an <em>admin</em> token may do everything an administrator can. A token is
        shown once, when it is created; Parallax keeps only a hash of it.
      </p>
      <TokensManager />
      <h2>Reprocess stored articles</h2>
      <p className="lede">
        After an upgrade of the extraction engine, rebuild stored articles from the documents as they were
        submitted or fetched, without fetching again. Articles stay readable throughout; an article the new
        engine cannot read keeps its stored version.
      </p>
      <ReprocessPanel />
    </>
  );
}
