import type { ElementType, ReactNode } from "react";

/**
 * The anchor a component renders. Pages pass Next's `Link` for client-side navigation; the default is a plain
 * `<a>`, so the components stay free of any framework.
 */
export type LinkComponent = ElementType<{
  href: string;
  className?: string;
  children?: ReactNode;
  "aria-current"?: "page" | undefined;
}>;
