"use client";

import Link from "next/link";

/** Server errors arrive here without their message (Next hides it in production); the likely cause is an outage. */
export default function ErrorPage({ retry }: { error: unknown; retry: () => void }) {
  return (
    <div className="notice notice-error" role="alert">
      <h1 className="page-title">Parallax could not load this page</h1>
      <p>The database may be unavailable or restarting. Try again shortly.</p>
      <p>
        <button type="button" className="button" onClick={() => retry()}>
          Try again
        </button>{" "}
        or go to <Link href="/">the latest stories</Link>.
      </p>
    </div>
  );
}
