import Link from "next/link";

export default function NotFound() {
  return (
    <>
      <h1 className="page-title">Not found</h1>
      <p>There is no such page or article in Parallax.</p>
      <p>
        <Link href="/">Back to the articles</Link>
      </p>
    </>
  );
}
