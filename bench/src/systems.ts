import { extractFromHtml } from "@extractus/article-extractor";
import { Readability } from "@mozilla/readability";
import { normalize } from "@parallax/core/normalize";
import { Defuddle } from "defuddle/node";
import { JSDOM, VirtualConsole } from "jsdom";
import { parseHTML } from "linkedom";

/** What every extractor is scored on: the body text it kept and the publication date it claims. */
export interface Extraction {
  text: string;
  /** YYYY-MM-DD or null when the system offers no date. */
  date: string | null;
}

export interface System {
  name: string;
  extract(html: string, url: string): Promise<Extraction> | Extraction;
}

function day(value: string | null | undefined): string | null {
  if (!value) return null;
  const iso = value.match(/\d{4}-\d{2}-\d{2}/)?.[0];
  if (iso) return iso;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed.toISOString().slice(0, 10);
}

function stripTags(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, " ")
    .replace(/<\/(p|div|h\d|li|blockquote|tr|br)>/gi, "\n")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

const quietConsole = new VirtualConsole();

export const systems: System[] = [
  {
    name: "parallax",
    extract(html, url) {
      try {
        const article = normalize({ kind: "html", html, url });
        return { text: article.paragraphs.map((p) => p.text).join("\n"), date: day(article.publishedAt) };
      } catch {
        return { text: "", date: null };
      }
    },
  },
  {
    name: "readability (linkedom)",
    extract(html) {
      const { document } = parseHTML(html);
      const result = new Readability(document as unknown as Document).parse();
      return { text: result?.textContent ?? "", date: day(result?.publishedTime) };
    },
  },
  {
    name: "readability (jsdom)",
    extract(html, url) {
      const dom = new JSDOM(html, { url, virtualConsole: quietConsole });
      const result = new Readability(dom.window.document).parse();
      dom.window.close();
      return { text: result?.textContent ?? "", date: day(result?.publishedTime) };
    },
  },
  {
    name: "defuddle (linkedom)",
    async extract(html, url) {
      const { document } = parseHTML(html);
      const result = await Defuddle(document as unknown as Document, url);
      return { text: stripTags(result.content ?? ""), date: day(result.published) };
    },
  },
  {
    name: "article-extractor",
    async extract(html, url) {
      const result = await extractFromHtml(html, url);
      return { text: stripTags(result?.content ?? ""), date: day(result?.published) };
    },
  },
];
