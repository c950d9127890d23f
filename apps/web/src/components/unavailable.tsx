/** Shown in place of a page's data while Postgres is unreachable; the rest of the page still works. */
export function Unavailable() {
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">Parallax cannot reach its database right now.</p>
      <p>It may be restarting. Reload the page in a moment.</p>
    </div>
  );
}
