"use client";

import { SiteHeader } from "@parallax/ui";
import Link from "next/link";
import { usePathname } from "next/navigation";

/** The shared header with Next's Link and the current path, so the nav marks the page you are on. */
export function AppHeader() {
  return <SiteHeader currentPath={usePathname()} Link={Link} />;
}
