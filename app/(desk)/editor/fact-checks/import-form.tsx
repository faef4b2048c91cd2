"use client";

import { useRouter } from "next/navigation";
import { useFormatter, useLocale, useTranslations } from "next-intl";
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

/**
 * Upload a ClaimReview file into the library of known fact-checks. The file is sent as it is to
 * `POST /api/v1/fact-checks/import` (signed in by the session cookie): that route alone takes files up to the import's
 * limit and checks the role before reading them, where server actions are held to a much smaller body.
 */
export function FactCheckImportForm({ maxBytes }: { maxBytes: number }) {
  const t = useTranslations("desk.factChecks.import");
  const locale = useLocale();
  const format = useFormatter();
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
      setFileError(t("chooseFile"));
      return;
    }
    if (file.size > maxBytes) {
      setFileError(
        t("tooLarge", {
          size: format.number(file.size / MB, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
          max: maxBytes / MB,
        }),
      );
      return;
    }
    setPending(true);
    try {
      const res = await fetch("/api/v1/fact-checks/import", {
        method: "POST",
        // The API answers in the language asked for: the desk's.
        headers: { "Content-Type": "application/json", "Accept-Language": locale },
        body: file,
      });
      const body = (await res.json().catch(() => null)) as
        ImportResult | { error?: { code?: string; message?: string; issues?: Problem[] } } | null;
      if (res.ok && body && "counts" in body) {
        const { counts } = body;
        const problems = body.problems.slice(0, SHOWN_PROBLEMS);
        setOutcome({
          ok: true,
          message: counts.duplicates
            ? t("doneWithDuplicates", { reviews: body.reviews, ...counts })
            : t("done", { reviews: body.reviews, ...counts }),
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
            ? t("notJson")
            : (error?.message ?? t("failed", { status: res.status })),
        problems,
        moreProblems: issues.length - problems.length,
      });
    } catch {
      setOutcome({
        ok: false,
        message: t("notSent"),
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
        aria-label={t("label")}
      >
        <div className="space-y-1">
          <label htmlFor="fact-check-file" className="block text-sm font-medium">
            {t("file", { max: maxBytes / MB })}
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
          {pending ? t("importing") : t("submit")}
        </Button>
      </form>
      {outcome && (
        <div className="max-w-2xl space-y-2">
          <Alert tone={outcome.ok ? "success" : "error"}>{outcome.message}</Alert>
          {outcome.problems.length > 0 && (
            <div>
              <h3 className="mb-1 text-sm font-semibold">{outcome.ok ? t("leftOut") : t("wrong")}</h3>
              <ul className="list-disc space-y-1 ps-6 text-sm">
                {outcome.problems.map((p) => (
                  <li key={`${p.path}\u0000${p.message}`}>
                    <code>{p.path}</code>: {p.message}
                  </li>
                ))}
              </ul>
              {outcome.moreProblems > 0 && (
                <p className="mt-1 text-sm text-muted">{t("more", { n: outcome.moreProblems })}</p>
              )}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
