import Link from "next/link";

/** "Report": the printable verdict report (and its PDF) of one document, dispute or claim. */
export function ReportLink({ scope, id }: { scope: "document" | "dispute" | "claim"; id: number }) {
  return (
    <Link href={`/editor/report?${scope}=${id}`} className="text-accent underline">
      Report
    </Link>
  );
}
