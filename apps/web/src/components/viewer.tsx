"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { createContext, type ReactNode, useContext } from "react";

/** What the page may offer the person looking at it; the server checks every action again. */
export interface ViewerState {
  username: string | null;
  isAdmin: boolean;
  canSubmit: boolean;
}

const ViewerContext = createContext<ViewerState>({ username: null, isAdmin: false, canSubmit: true });

export function ViewerProvider({ value, children }: { value: ViewerState; children: ReactNode }) {
  return <ViewerContext.Provider value={value}>{children}</ViewerContext.Provider>;
}

export function useViewer(): ViewerState {
  return useContext(ViewerContext);
}

/** `/signin?next=<this page>`, so that signing in comes back here. */
export function useSignInHref(): string {
  const path = usePathname();
  return path && path !== "/signin" ? `/signin?next=${encodeURIComponent(path)}` : "/signin";
}

/** Stands where an administrator's controls would be: "Sign in to retry or remove jobs." */
export function SignInTo({ action }: { action: string }) {
  const href = useSignInHref();
  return (
    <p className="sign-in-to">
      <Link href={href}>Sign in</Link> to {action}.
    </p>
  );
}
