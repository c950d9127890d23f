import "server-only";
import { createCaller } from "@parallax/api";
import { headers } from "next/headers";
import { connection } from "next/server";
import { cache } from "react";
import { createContext } from "./context";

/**
 * The tRPC router called in-process from server components, once per request; the request's headers name the
 * client whose rate limits its searches count against. `connection()` marks the page
 * as rendered per request: it reads the database, so it can never be prerendered at build time.
 */
export const getCaller = cache(async () => {
  await connection();
  return createCaller(await createContext(await headers()));
});
