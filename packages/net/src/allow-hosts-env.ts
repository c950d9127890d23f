import { z } from "zod";
import { AllowListError, parseAllowList } from "./address-policy";

/**
 * `FETCH_ALLOW_HOSTS` for the worker's and the web app's env schemas: one reading of it, so both processes allow
 * the same hosts. Empty by default; a bad entry fails start-up with a message naming it.
 */
export const zFetchAllowHosts = z
  .string()
  .default("")
  .transform((text, ctx) => {
    try {
      return parseAllowList(text);
    } catch (error) {
      if (!(error instanceof AllowListError)) throw error;
      ctx.addIssue({ code: "custom", message: `has ${error.message}` });
      return z.NEVER;
    }
  });
