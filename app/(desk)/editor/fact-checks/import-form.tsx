"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** How many of a file's problems the page lists; the rest are counted. */
const SHOWN_PROBLEMS = 20;

type Problem = { path: string; message: string };
type ImportResult = {
  reviews: number;
  counts: { added: number; updated: number; unchanged: number; skipped: number; duplicates: number };
  problems: Problem[];
  notListed: { problems: number; duplicates: number };
};
type Outcome = { ok: boolean; message: string; problems: Problem[]; moreProblems: number };

const MB = 1024 * 1024;
const plural = (n: number, word: string) => `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;

/**
 * Upload a ClaimReview file into the library of known fact-checks. The file is sent as it is to
 * `POST /api/v1/fact-checks/import` (signed in by the session cookie): that route alone takes files up to the import's
 * limit and checks the role before reading them, where server actions are held to a much smaller body.
 */
export function FactCheckImportForm({ maxBytes }: { maxBytes: number }) {
  const router = useRouter();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setOutcome(null);
    setFileError(null);
    const file = new FormData(event.currentTarget).get("file");
    if (!(file instanceof File) || file.size === 0) {
      setFileError("Choose a ClaimReview file (.json or .jsonld).");
      return;
    }
    if (file.size > maxBytes) {
      setFileError(
        `The file is ${(file.size / MB).toFixed(1)} MB: at most ${maxBytes / MB} MB is imported at once. Split it into smaller files.`,
      );
      return;
    }
    setPending(true);
    try {
      const res = await fetch("/api/v1/fact-checks/import", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: file,
      });
      const body = (await res.json().catch(() => null)) as
        ImportResult | { error?: { code?: string; message?: string; issues?: Problem[] } } | null;
      if (res.ok && body && "counts" in body) {
        const { counts } = body;
        const problems = body.problems.slice(0, SHOWN_PROBLEMS);
        setOutcome({
          ok: true,
          message: `${plural(body.reviews, "review")}: ${counts.added.toLocaleString("en")} added, ${counts.updated.toLocaleString("en")} updated, ${counts.unchanged.toLocaleString("en")} unchanged, ${counts.skipped.toLocaleString("en")} skipped${counts.duplicates ? `, ${plural(counts.duplicates, "duplicate")} replaced by a later review with the same URL` : ""}.`,
          problems,
          moreProblems: body.problems.length - problems.length + body.notListed.problems,
        });
        router.refresh();
        return;
      }
      const error = body && "error" in body ? body.error : undefined;
      const issues = error?.issues ?? [];
      const problems = issues.slice(0, SHOWN_PROBLEMS);
      setOutcome({
        ok: false,
        message:
          error?.code === "bad_request" && /not valid JSON/.test(error.message ?? "")
            ? "The file is not JSON: a ClaimReview file is JSON or JSON-LD. Nothing was imported."
            : (error?.message ?? `The import failed (HTTP ${res.status}). Nothing was imported.`),
        problems,
        moreProblems: issues.length - problems.length,
      });
    } catch {
      setOutcome({
        ok: false,
        message: "The file could not be sent. Check the connection and try again.",
        problems: [],
        moreProblems: 0,
      });
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="mb-8 space-y-4">
      <form
        onSubmit={submit}
        className="max-w-2xl space-y-4 rounded-lg border border-line bg-white p-4"
        noValidate
        aria-label="Import known fact-checks"
      >
        <div className="space-y-1">
          <label htmlFor="fact-check-file" className="block text-sm font-medium">
            ClaimReview file (.json or .jsonld, at most {maxBytes / MB} MB)
          </label>
          <input
            id="fact-check-file"
            name="file"
            type="file"
            accept=".json,.jsonld,application/json,application/ld+json"
            className="text-sm"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? "fact-check-file-error" : undefined}
          />
          {fileError && (
            <p id="fact-check-file-error" role="alert" className="text-sm text-danger">
              {fileError}
            </p>
          )}
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? "Importing…" : "Import"}
        </Button>
      </form>
      {outcome && (
        <div className="max-w-2xl space-y-2">
          <Alert tone={outcome.ok ? "success" : "error"}>{outcome.message}</Alert>
          {outcome.problems.length > 0 && (
            <div>
              <h3 className="mb-1 text-sm font-semibold">
                {outcome.ok ? "Reviews left out" : "What is wrong in the file"}
              </h3>
              <ul className="list-disc space-y-1 pl-6 text-sm">
                {outcome.problems.map((p) => (
                  <li key={`${p.path}\u0000${p.message}`}>
                    <code>{p.path}</code>: {p.message}
                  </li>
                ))}
              </ul>
              {outcome.moreProblems > 0 && (
                <p className="mt-1 text-sm text-muted">and {outcome.moreProblems.toLocaleString("en")} more</p>
              )}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
