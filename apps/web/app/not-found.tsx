import Link from "next/link";

/** Unknown paths and unknown or malformed ids (an article, a story) all land here with a 404. */
export default function NotFound() {
  return (
    <>
      <h1 className="page-title">Not found</h1>
      <p>
        There is no such page, article or story in Parallax. The link may be mistyped, or what it named was
        removed.
      </p>
      <ul>
        <li>
          <Link href="/">The latest stories</Link>
        </li>
        <li>
          <Link href="/articles">All articles</Link>
        </li>
        <li>
          <Link href="/search">Search</Link>
        </li>
      </ul>
    </>
  );
}
