import { z } from "zod";
import { isCountryCode } from "../sources/country";

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

const zBoundedLabel = (what: string) =>
  z
    .string()
    .trim()
    .max(80, `${what} is at most 80 characters`)
    // Control characters would only hide text in the table and the form.
    .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), `${what} contains control characters`);

/** What an administrator sets on an outlet (issue 7). Empty strings clear a setting. */
export const zSourceSettings = z.object({
  id: z.uuid("not a source id"),
  /** ISO 3166-1 alpha-2, or null to clear (the country is then inferred again where it can be). */
  country: z
    .string()
    .trim()
    .toUpperCase()
    .nullable()
    .transform((value) => (value ? value : null))
    .refine(
      (value) => value === null || isCountryCode(value),
      "country must be an ISO 3166-1 alpha-2 code such as JP or GB",
    ),
  perspective: zBoundedLabel("the perspective")
    .nullable()
    .transform((value) => (value ? value : null)),
  opinionSections: z
    .array(zBoundedLabel("an opinion section"))
    .max(20, "at most 20 opinion sections")
    .transform((values) => [...new Set(values.filter((value) => value.length > 0))]),
});
export type SourceSettings = z.infer<typeof zSourceSettings>;

export const zCountrySource = z.enum(["admin", "inferred"]);

/** An outlet as the sources page lists it. */
export const zOutlet = z.object({
  id: z.uuid(),
  name: z.string(),
  domain: z.string().nullable(),
  country: z.string().nullable(),
  countrySource: zCountrySource.nullable(),
  perspective: z.string().nullable(),
  opinionSections: z.array(z.string()),
  /** Languages of its stored articles, most used first. */
  languages: z.array(z.string()),
  articleCount: z.number().int(),
  latestArticleAt: z.iso.datetime({ offset: true }).nullable(),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type Outlet = z.infer<typeof zOutlet>;
