import type { Metadata } from "next";
import { safeNextPath } from "~/server/credentials";
import { getViewer } from "~/server/caller";

export const metadata: Metadata = { title: "Sign in" };

function problem(error: string | undefined, retry: string | undefined): string | null {
  if (error === "credentials") return "That user name and password do not match an account.";
  if (error === "limited")
    return `Too many sign-in attempts from here; try again in ${Number(retry) > 0 ? Number(retry) : 60} s.`;
  return null;
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const one = (key: string) => (typeof params[key] === "string" ? (params[key] as string) : undefined);
  const next = safeNextPath(one("next"));
  const message = problem(one("error"), one("retry"));
  const { username, access } = await getViewer();

  if (username) {
    return (
      <>
        <h1 className="page-title">Signed in</h1>
        <p>
          You are signed in as <strong>{username}</strong>.
        </p>
        <form action="/api/auth/signout" method="post">
          <button type="submit" className="button button-secondary">
            Sign out
          </button>
        </form>
      </>
    );
  }
  return (
    <>
      <h1 className="page-title">Sign in</h1>
      <p className="lede">
        {access.publicRead
          ? "Administrators sign in to retry jobs, edit sources, manage feeds and watches, and correct stories."
          : "This Parallax is private: sign in to read it."}
      </p>
      {message ? (
        <p className="notice notice-error" role="alert" id="signin-error">
          {message}
        </p>
      ) : null}
      <form action="/api/auth/signin" method="post" className="form signin-form">
        <input type="hidden" name="next" value={next} />
        <div className="field">
          <label htmlFor="signin-username">User name</label>
          <input
            id="signin-username"
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            aria-describedby={message ? "signin-error" : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor="signin-password">Password</label>
          <input
            id="signin-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
          />
        </div>
        <p>
          <button type="submit" className="button">
            Sign in
          </button>
        </p>
      </form>
      <p className="muted">
        Forgot the password? On the machine running Parallax: <code>pnpm parallax admin password admin</code>.
      </p>
    </>
  );
}
