import { z } from "zod";

/** An outlet that publishes articles. `domain` is the registrable host without `www.`. */
export const zSource = z.object({
  name: z.string().min(1),
  domain: z.string().nullable(),
  /** ISO 3166-1 alpha-2, upper case, when known. */
  country: z.string().length(2).nullable(),
  /** BCP 47 primary language, when known. */
  language: z.string().min(2).max(12).nullable(),
});
export type Source = z.infer<typeof zSource>;
