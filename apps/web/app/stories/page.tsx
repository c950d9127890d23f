import { redirect } from "next/navigation";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The story list moved to `/`; old links keep their query string (filters there, a cursor gives page one). */
export default async function StoriesPage({ searchParams }: Props) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(await searchParams))
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) query.append(name, v);
  const search = query.toString();
  redirect(search ? `/?${search}` : "/");
}
