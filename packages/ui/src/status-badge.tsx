import type { ArticleStatus } from "@parallax/core";

const labels: Record<ArticleStatus, string> = {
  queued: "Queued",
  processing: "Processing",
  ready: "Ready",
  failed: "Failed",
  duplicate: "Duplicate",
};

export function statusLabel(status: string): string {
  return labels[status as ArticleStatus] ?? status;
}

/** The article's pipeline status as a small pill; the text carries the meaning, colour only repeats it. */
export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`status-badge status-${status in labels ? status : "unknown"}`}>
      {statusLabel(status)}
    </span>
  );
}
