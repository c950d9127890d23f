import "server-only";
import { type AccessPolicy, canRead, canSubmit, createCaller, isAdmin, type Viewer } from "@parallax/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { createContext, log, services } from "./context";
import { isUnavailable } from "./errors";

/** The request's context, once per request; `connection()` marks the page as rendered per request. */
const requestContext = cache(async () => {
  await connection();
  return createContext(await headers());
});

/**
 * The tRPC router called in-process from server components, once per request, as the request's caller; the
 * request's headers also name the client whose rate limits its searches count against. On an installation that
 * is not publicly readable a caller who may not read is sent to the sign-in page.
 */
export const getCaller = cache(async () => {
  const context = await requestContext();
  if (!canRead(context.viewer, context.access ?? services().access)) redirect("/signin");
  return createCaller(context);
});

export interface ViewerInfo {
  viewer: Viewer;
  access: AccessPolicy;
  /** May change things: retry jobs, edit sources, manage feeds and watches, move articles. */
  isAdmin: boolean;
  canSubmit: boolean;
  /** The signed-in user's name, or null (anonymous, or an API token). */
  username: string | null;
}

/**
 * Who is looking at the page, for showing or hiding controls. Never throws: while the database is away the
 * visitor is treated as anonymous (the page then says what is unavailable), and the procedures check again.
 */
export const getViewer = cache(async (): Promise<ViewerInfo> => {
  // Outside the try: during `next build` this is what marks the page as rendered per request (it throws to say
  // so), and swallowing it would prerender every page as seen by an anonymous visitor.
  await connection();
  let viewer: Viewer = { kind: "anonymous" };
  let access: AccessPolicy = { publicRead: true, submit: "open" };
  try {
    access = services().access;
    viewer = (await requestContext()).viewer;
  } catch (error) {
    if (!isUnavailable(error)) log(`who is signed in could not be read: ${(error as Error).message}`);
  }
  return {
    viewer,
    access,
    isAdmin: isAdmin(viewer),
    canSubmit: canSubmit(viewer, access),
    username: viewer.kind === "user" ? viewer.username : null,
  };
});
