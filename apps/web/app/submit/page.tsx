import type { Metadata } from "next";
import { FileUpload } from "~/components/file-upload";
import { SubmitForm } from "~/components/submit-form";

export const metadata: Metadata = { title: "Submit" };

export default function SubmitPage() {
  return (
    <>
      <h1 className="page-title">Submit an article</h1>
      <p className="lede">
        Give Parallax a link, the text of an article, or a saved page’s HTML. It extracts the text, numbers
        the paragraphs and keeps it for reading and citing.
      </p>
      <SubmitForm />
      <FileUpload />
    </>
  );
}
