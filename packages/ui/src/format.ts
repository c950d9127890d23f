/**
 * Dates are shown in UTC: pages render on the server and again in the browser, and a published date is
 * usually a calendar day that a local time zone would shift to the day before.
 */
const dateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});

function parse(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "12 Mar 2026", or null for a missing or unreadable date. */
export function formatDate(iso: string | null | undefined): string | null {
  const date = parse(iso);
  return date ? dateFormat.format(date) : null;
}

/** "12 Mar 2026, 09:30 UTC", or null. */
export function formatDateTime(iso: string | null | undefined): string | null {
  const date = parse(iso);
  return date ? dateTimeFormat.format(date) : null;
}

export function formatCount(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString("en-GB")} ${n === 1 ? singular : plural}`;
}

/** The host of a URL without `www.`, for showing where an untitled article came from. */
export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return null;
  }
}

export const UNTITLED = "Untitled";
