import type { ReactNode } from "react";

/**
 * The sideways-scrolling box around a table or chart wider than a phone. Focusable and named, so that a
 * keyboard can scroll it and a screen reader says what it holds (WCAG 2.1.1; axe scrollable-region-focusable).
 */
export function ScrollArea({
  label,
  className = "table-scroll",
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus for keyboard scrolling.
    <section className={className} aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
