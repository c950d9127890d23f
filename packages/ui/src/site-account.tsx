import type { LinkComponent } from "./link";

/**
 * Who is signed in, in the header: the user's name and a sign-out button (a plain POST form, so it works without
 * JavaScript), or a link to sign in.
 */
export function SiteAccount({
  username,
  signInHref = "/signin",
  signOutAction = "/api/auth/signout",
  Link = "a",
}: {
  username: string | null;
  signInHref?: string;
  signOutAction?: string;
  Link?: LinkComponent;
}) {
  if (!username) {
    return (
      <p className="site-account">
        <Link href={signInHref} className="site-account-signin">
          Sign in
        </Link>
      </p>
    );
  }
  return (
    <form className="site-account" action={signOutAction} method="post">
      <span className="site-account-name">
        <span className="visually-hidden">Signed in as </span>
        {username}
      </span>
      <button type="submit" className="site-account-signout">
        Sign out
      </button>
    </form>
  );
}
