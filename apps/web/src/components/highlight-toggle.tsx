"use client";

import { useEffect, useId, useState } from "react";
import { HIGHLIGHTS_KEY } from "../highlights";

function readPreference(): boolean {
  try {
    return window.localStorage.getItem(HIGHLIGHTS_KEY) !== "off";
  } catch {
    // Storage can be disabled (private modes, strict cookie settings): highlights stay on.
    return true;
  }
}

/**
 * The legend of the reading view's marks, with a switch that turns them off. The switch sets
 * `data-highlights="off"` on `<html>`, which the article stylesheet reads; the choice is kept in localStorage.
 * Without JavaScript the marks stay on and the switch stays disabled.
 */
export function HighlightLegend({ hasSpeakers }: { hasSpeakers: boolean }) {
  const id = useId();
  const [on, setOn] = useState(true);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    setOn(readPreference());
    setReady(true);
  }, []);

  useEffect(() => {
    if (!ready) return;
    if (on) delete document.documentElement.dataset.highlights;
    else document.documentElement.dataset.highlights = "off";
    try {
      window.localStorage.setItem(HIGHLIGHTS_KEY, on ? "on" : "off");
    } catch {
      // Not kept across visits when storage is unavailable; the switch still works for this page.
    }
  }, [on, ready]);

  return (
    <section className="highlight-legend" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="visually-hidden">
        Highlights
      </h2>
      <ul className="legend-items">
        <li>
          <span className="mark mark-entity">Name</span> links to its page
        </li>
        <li>
          <span className="mark mark-time">Date</span>
        </li>
        <li>
          <span className="mark mark-figure">Figure</span>
        </li>
        {hasSpeakers ? (
          <li>
            <span className="legend-speaker">— Speaker</span> of a quote
          </li>
        ) : null}
      </ul>
      <p className="legend-switch">
        <input
          type="checkbox"
          id={`${id}-switch`}
          checked={on}
          disabled={!ready}
          onChange={(event) => setOn(event.target.checked)}
        />
        <label htmlFor={`${id}-switch`}>Show highlights</label>
      </p>
    </section>
  );
}
