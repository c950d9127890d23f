import { formatDate, UNTITLED } from "@parallax/ui";
import type { CompareRequest, Grouping } from "~/compare-params";

export interface PickableArticle {
  id: string;
  title: string | null;
  source: string | null;
  publishedAt: string | null;
}

const sideOptions: Array<{ value: Grouping; label: string }> = [
  { value: "article", label: "One side per article" },
  { value: "outlet", label: "One side per outlet" },
  { value: "country", label: "One side per outlet country" },
];

function labelsText(labels: Record<string, string> | null): string {
  return labels
    ? Object.entries(labels)
        .map(([key, label]) => `${key} = ${label}`)
        .join("\n")
    : "";
}

function SidesSelect({ id, value, first }: { id: string; value: Grouping; first: Grouping }) {
  const options = [...sideOptions].sort((a, b) => (a.value === first ? -1 : b.value === first ? 1 : 0));
  return (
    <div className="field">
      <label htmlFor={id}>Sides</label>
      <select id={id} name="by" defaultValue={value}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * Plain GET forms to `/compare`: they work without JavaScript, and the address they lead to is the comparison's
 * link. Articles are picked from the most recent readable ones or by id; a story by its id.
 */
export function CompareForms({ request, recent }: { request: CompareRequest; recent: PickableArticle[] }) {
  const chosen = request.kind === "articles" ? request.articleIds : [];
  const listed = new Set(recent.map((a) => a.id));
  const typed = chosen.filter((id) => !listed.has(id)).join(", ");
  const articleBy = request.kind === "articles" ? request.by : "article";
  const storyBy = request.kind === "story" ? request.by : "outlet";
  return (
    <div className="cmp-forms">
      <form method="get" action="/compare" className="form cmp-form" aria-labelledby="cmp-form-articles">
        <h2 id="cmp-form-articles">Compare articles</h2>
        {recent.length > 0 ? (
          <fieldset className="cmp-pick">
            <legend>Recent articles</legend>
            <ul>
              {recent.map((a) => (
                <li key={a.id}>
                  <input
                    type="checkbox"
                    name="ids"
                    value={a.id}
                    id={`pick-${a.id}`}
                    defaultChecked={chosen.includes(a.id)}
                  />
                  <label htmlFor={`pick-${a.id}`}>
                    {a.title ?? UNTITLED}
                    <span className="cmp-pick-meta">
                      {[a.source, formatDate(a.publishedAt)].filter(Boolean).join(" · ")}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        ) : null}
        <div className="field">
          <label htmlFor="cmp-ids">Article ids</label>
          <p className="hint" id="cmp-ids-hint">
            Comma-separated, for articles not listed above; 2 to 10 articles in all.
          </p>
          <input id="cmp-ids" name="ids" type="text" defaultValue={typed} aria-describedby="cmp-ids-hint" />
        </div>
        <SidesSelect id="cmp-by" value={articleBy} first="article" />
        <div className="field">
          <label htmlFor="cmp-labels">Labels (optional)</label>
          <p className="hint" id="cmp-labels-hint">
            One per line: an outlet’s name or an article id, “=”, and the side it stands on, for example
            “nippon.com = Japan”. Labels replace the sides above; articles without one are left out.
          </p>
          <textarea
            id="cmp-labels"
            name="labels"
            rows={3}
            defaultValue={request.kind === "articles" ? labelsText(request.labels) : ""}
            aria-describedby="cmp-labels-hint"
          />
        </div>
        <button className="button" type="submit">
          Compare articles
        </button>
      </form>

      <form method="get" action="/compare" className="form cmp-form" aria-labelledby="cmp-form-story">
        <h2 id="cmp-form-story">Compare a story’s coverage</h2>
        <div className="field">
          <label htmlFor="cmp-story">Story id</label>
          <p className="hint" id="cmp-story-hint">
            The id in the story’s address (/stories/…); its articles are compared, at most 20.
          </p>
          <input
            id="cmp-story"
            name="story"
            type="text"
            defaultValue={request.kind === "story" ? request.storyId : ""}
            aria-describedby="cmp-story-hint"
          />
        </div>
        <SidesSelect id="cmp-story-by" value={storyBy} first="outlet" />
        <button className="button" type="submit">
          Compare the story
        </button>
      </form>
    </div>
  );
}
