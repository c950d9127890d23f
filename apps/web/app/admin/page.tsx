import type { Metadata } from "next";
import { ReprocessPanel } from "~/components/reprocess-panel";

export const metadata: Metadata = { title: "Admin" };

export default function AdminPage() {
  return (
    <>
      <h1 className="page-title">Admin</h1>
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
