import "@parallax/ui/styles.css";
import "@parallax/ui/styles/home.css";
import "@parallax/ui/styles/story.css";
import "@parallax/ui/styles/article.css";
import "@parallax/ui/styles/compare.css";
import "@parallax/ui/styles/entity.css";
import "@parallax/ui/styles/search.css";
import "@parallax/ui/styles/sources.css";
import "@parallax/ui/styles/jobs.css";
import "@parallax/ui/styles/submit.css";
import "@parallax/ui/styles/feeds.css";
import "@parallax/ui/styles/alerts.css";
import "@parallax/ui/styles/auth.css";
import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { AppHeader } from "~/components/site-header";
import { ViewerProvider } from "~/components/viewer";
import { getViewer } from "~/server/caller";
import { highlightsBootScript } from "~/highlights";
import { TRPCReactProvider } from "~/trpc/react";

export const metadata: Metadata = {
  title: { default: "Parallax", template: "%s · Parallax" },
  description: "Self-hosted news intelligence: read articles side by side, cite them by paragraph.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  colorScheme: "light dark",
  // The header's surface colour in each scheme (styles.css --surface), for the browser's own toolbar.
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#1b1e23" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { username, isAdmin, canSubmit } = await getViewer();
  return (
    // The boot script may set data-highlights on <html> before React hydrates it.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: highlightsBootScript }} />
      </head>
      <body>
        <TRPCReactProvider>
          <ViewerProvider value={{ username, isAdmin, canSubmit }}>
            <AppHeader />
            <main id="main" tabIndex={-1} className="page">
              {children}
            </main>
            <footer className="site-footer">
              <p>Parallax: self-hosted news intelligence.</p>
            </footer>
          </ViewerProvider>
        </TRPCReactProvider>
      </body>
    </html>
  );
}
