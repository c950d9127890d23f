import { z } from "zod";

type SearchParams = Record<string, string | string[] | undefined>;

/** The home page's filters as the GET form sends them; each one empty when not given. */
export interface HomeFilters {
  from: string;
  to: string;
  outlet: string;
  country: string;
  language: string;
  entity: string;
}

export const filterNames = ["from", "to", "outlet", "country", "language", "entity"] as const;

const first = (value: string | string[] | undefined): string =>
  (Array.isArray(value) ? value[0] : value)?.trim() ?? "";

const checks: Record<keyof HomeFilters, z.ZodType<string>> = {
  from: z.iso.date("a date such as 2026-03-19"),
  to: z.iso.date("a date such as 2026-03-19"),
  outlet: z.string().max(253, "at most 253 characters"),
  country: z.string().max(100, "at most 100 characters"),
  language: z.string().regex(/^[a-z]{2,3}(-[a-z0-9]{1,8}){0,3}$/i, "a language tag such as en or zh-Hans"),
  entity: z.string().max(200, "at most 200 characters"),
};

/** `<update time>~<story id>` as `story.cards` writes its cursors. */
const CURSOR = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z~[0-9a-f-]{36}$/i;

/**
 * Reads `/?from=…&to=…&outlet=…&country=…&language=…&entity=…&after=…`. A value that cannot be a filter is
 * dropped and named in `ignored` (a hand-edited URL shows every story, and says why), as is a `from` after `to`;
 * a cursor this page did not give means the first page.
 */
export function parseHomeParams(params: SearchParams): {
  filters: HomeFilters;
  ignored: string[];
  cursor: string | null;
} {
  const filters: HomeFilters = { from: "", to: "", outlet: "", country: "", language: "", entity: "" };
  const ignored: string[] = [];
  for (const name of filterNames) {
    const value = first(params[name]);
    if (!value) continue;
    const checked = checks[name].safeParse(value);
    if (checked.success) filters[name] = value;
    else ignored.push(`${name}: not ${checked.error.issues[0]?.message ?? "valid"}`);
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    ignored.push("from: after to");
    filters.from = "";
  }
  const after = first(params.after);
  return { filters, ignored, cursor: CURSOR.test(after) ? after : null };
}

/** The home page's address for these filters (and a page cursor). */
export function homeHref(filters: HomeFilters, cursor?: string | null): string {
  const query = new URLSearchParams();
  for (const name of filterNames) if (filters[name]) query.set(name, filters[name]);
  if (cursor) query.set("after", cursor);
  const search = query.toString();
  return search ? `/?${search}` : "/";
}
