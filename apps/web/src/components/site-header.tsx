"use client";

import { SiteAccount, SiteHeader } from "@parallax/ui";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useSignInHref, useViewer } from "./viewer";

/** The shared header with Next's Link and the current path, so the nav marks the page you are on. */
export function AppHeader() {
  const { username } = useViewer();
  const signInHref = useSignInHref();
  return (
    <SiteHeader
      currentPath={usePathname()}
      Link={Link}
      account={<SiteAccount username={username} signInHref={signInHref} Link={Link} />}
    />
  );
}
