import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { enrichArticle, type EnrichStep } from "@parallax/core/enrich";
import { normalize } from "@parallax/core/normalize";
import { dataRoot } from "./data";

/**
 * Throughput of the whole enrichment stage on one core: every NewsWCL50 article and both seeds, normalized
 * first (not timed), then enriched three times over; the per-step split comes from the stage's own step hook.
 */
const files = readdirSync(path.join(dataRoot, "newswcl50")).filter((f) => f.endsWith(".txt"));
const texts = [
  ...files.map((f) => readFileSync(path.join(dataRoot, "newswcl50", f), "utf8")),
  ...["000_692c35d782a7bbcb.txt", "002_41147d8f43a0c177.txt"].map((f) =>
    readFileSync(path.join(dataRoot, "..", "seeds", f), "utf8"),
  ),
];
const articles = texts.map((text) => normalize({ kind: "text", text }));
const characters = articles.reduce((n, a) => n + a.paragraphs.reduce((m, p) => m + p.text.length, 0), 0);

const stepMs = new Map<EnrichStep, number>();
const ROUNDS = 3;
for (const article of articles.slice(0, 5)) enrichArticle(article);
const started = performance.now();
for (let round = 0; round < ROUNDS; round++) {
  for (const article of articles) {
    let last = performance.now();
    enrichArticle(article, {
      referenceDate: "2018-06-01",
      onStep: (step) => {
        const now = performance.now();
        stepMs.set(step, (stepMs.get(step) ?? 0) + now - last);
        last = now;
      },
    });
  }
}
const elapsed = performance.now() - started;
const runs = articles.length * ROUNDS;
console.log(
  `\nEnrichment throughput: ${articles.length} articles (${Math.round(characters / articles.length)} characters on average), ${ROUNDS} rounds, Node ${process.version}\n`,
);
console.log(
  "| articles/s (one core) | ms per article | entities | times + timeline | figures | quotes | keywords |",
);
console.log("|---|---|---|---|---|---|---|");
const share = (step: EnrichStep) => `${((stepMs.get(step) ?? 0) / runs).toFixed(1)} ms`;
console.log(
  `| ${((runs / elapsed) * 1000).toFixed(1)} | ${(elapsed / runs).toFixed(1)} | ${share("entities")} | ${share("times")} | ${share("figures")} | ${share("quotes")} | ${share("keywords")} |`,
);
