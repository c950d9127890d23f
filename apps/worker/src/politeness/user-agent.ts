/** The product token robots.txt groups are matched against (RFC 9309 §2.2.1: letters, "_" and "-" only). */
export const ROBOTS_TOKEN = "Parallax";

/** Bumped with releases that change how Parallax fetches; site operators see it in their logs. */
export const PARALLAX_VERSION = "0.1";

export const DEFAULT_CONTACT_URL = "https://github.com/parallax-news";

/**
 * `Parallax/0.1 (+https://example.org/about-our-reader; self-hosted news reader)`: names the software and where a
 * site operator can learn who runs it, as web crawlers conventionally do. Sent on page, feed and robots.txt fetches.
 */
export function buildUserAgent(contactUrl: string = DEFAULT_CONTACT_URL): string {
  // A header value must not carry control characters; a contact from configuration is trusted but not blindly.
  const contact = contactUrl.replace(/[\u0000-\u001f\u007f;()]/g, "").trim() || DEFAULT_CONTACT_URL;
  return `${ROBOTS_TOKEN}/${PARALLAX_VERSION} (+${contact}; self-hosted news reader)`;
}

export const DEFAULT_USER_AGENT = buildUserAgent();
