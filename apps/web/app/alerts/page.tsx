import type { Alert } from "@parallax/core";
import { formatDateTime } from "@parallax/ui";
import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { alertKindWords, deliveryWords } from "~/alert-feed";
import { Unavailable } from "~/components/unavailable";
import { MarkAllRead, WatchManager } from "~/components/watch-manager";
import { getCaller } from "~/server/caller";
import { isUnavailable } from "~/server/errors";

export const metadata: Metadata = { title: "Alerts" };

const zPage = z.coerce.number().int().min(1).max(100_000).catch(1);

function AlertItem({ alert }: { alert: Alert }) {
  const href = alert.articleId
    ? `/articles/${alert.articleId}`
    : `/stories/${alert.storyId}?version=${alert.version}`;
  return (
    <li className={`alert-item${alert.readAt ? "" : " alert-unread"}`}>
      <p className="alert-meta">
        {alert.readAt ? null : <strong className="alert-badge">Unread</strong>} {alertKindWords(alert)} ·{" "}
        {alert.watchLabel} ·{" "}
        <time dateTime={alert.createdAt.toISOString()}>{formatDateTime(alert.createdAt.toISOString())}</time>
      </p>
      <h3 className="alert-title">
        <Link href={href}>{alert.title}</Link>
      </h3>
      {alert.summary ? <p className="alert-summary">{alert.summary}</p> : null}
      {alert.delivery ? (
        <p className={`alert-delivery alert-delivery-${alert.delivery.status}`}>
          {deliveryWords(alert.delivery)}
        </p>
      ) : null}
    </li>
  );
}

export default async function AlertsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { page: pageParam } = await searchParams;
  const page = zPage.parse(typeof pageParam === "string" ? pageParam : 1);
  const caller = await getCaller();
  const data = await Promise.all([caller.watch.list(), caller.watch.alerts({ page })]).catch(
    (error: unknown) => {
      if (isUnavailable(error)) return null;
      throw error;
    },
  );

  return (
    <>
      <h1 className="page-title">Alerts</h1>
      <p className="lede">
        Watch an entity, a search query or an outlet. When a new article or a changed briefing matches, an
        alert appears here, in the watch’s Atom feed, and at its webhook if it has one.
      </p>
      {!data ? (
        <Unavailable />
      ) : (
        <>
          <WatchManager watches={data[0].items} />
          <section aria-labelledby="alerts-heading" className="alerts-section">
            <h2 id="alerts-heading">Alerts, newest first</h2>
            <MarkAllRead unread={data[0].items.reduce((n, w) => n + w.unreadCount, 0)} />
            {data[1].items.length === 0 ? (
              <p className="empty-state">{page > 1 ? "No more alerts." : "No alerts yet."}</p>
            ) : (
              <ol className="alert-list">
                {data[1].items.map((alert) => (
                  <AlertItem key={alert.id} alert={alert} />
                ))}
              </ol>
            )}
            {data[1].total > data[1].pageSize * page || page > 1 ? (
              <nav className="pagination" aria-label="Pages of alerts">
                {page > 1 ? <Link href={`/alerts?page=${page - 1}`}>Newer alerts</Link> : <span />}
                {data[1].total > data[1].pageSize * page ? (
                  <Link href={`/alerts?page=${page + 1}`}>Older alerts</Link>
                ) : null}
              </nav>
            ) : null}
          </section>
        </>
      )}
    </>
  );
}
