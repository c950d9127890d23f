import { type NextRequest, NextResponse } from "next/server";
import { cachedPage, isCacheable, isCacheRender } from "~/server/page-html";
import { SESSION_COOKIES } from "~/server/credentials";

// PUBLIC_READ=false: a page request that carries no credentials at all goes to the sign-in page before anything
// renders. This is only the quick first gate (no database here): credentials that turn out to be invalid are
// refused by the pages' data loads (server/caller.ts redirects) and by every procedure, which check for real.
// API routes, feeds and exports are left to their handlers, which answer 401 with a sentence instead.

export async function proxy(request: NextRequest) {
  if (!/^(false|0)$/i.test(process.env.PUBLIC_READ?.trim() ?? "")) {
    // Anonymous readers of the home and story pages: rendered once per data version (server/page-html.ts).
    if (isCacheable(request) && !isCacheRender(request))
      return (await cachedPage(request)) ?? NextResponse.next();
    return NextResponse.next();
  }
  const { pathname, search } = request.nextUrl;
  if (pathname === "/signin" || pathname.startsWith("/api/") || /\.[A-Za-z0-9]+$/.test(pathname))
    return NextResponse.next();
  if (request.headers.has("authorization") || SESSION_COOKIES.some((name) => request.cookies.has(name)))
    return NextResponse.next();
  const target = new URL("/signin", request.url);
  if (pathname !== "/") target.searchParams.set("next", `${pathname}${search}`);
  return NextResponse.redirect(target, 303);
}

// API routes are not matched at all, not just passed through: Next buffers the body of every request a proxy
// sees, which would read a client's oversized upload before the route's own size limit could refuse it.
export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};
