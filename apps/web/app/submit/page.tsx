import type { Metadata } from "next";
import Link from "next/link";
import { FileUpload } from "~/components/file-upload";
import { SubmitForm } from "~/components/submit-form";
import { getViewer } from "~/server/caller";

export const metadata: Metadata = { title: "Submit" };

export default async function SubmitPage() {
  const { canSubmit } = await getViewer();
  return (
    <>
      <h1 className="page-title">Submit an article</h1>
      <p className="lede">
        Give Parallax a link, the text of an article, or a saved page’s HTML. It extracts the text, numbers
        the paragraphs and keeps it for reading and citing.
      </p>
      {canSubmit ? (
        <>
          <SubmitForm />
          <FileUpload />
        </>
      ) : (
        <p className="sign-in-to">
          Submitting is for administrators and API tokens on this Parallax.{" "}
          <Link href="/signin?next=%2Fsubmit">Sign in</Link> to submit articles.
        </p>
      )}
    </>
  );
}
