"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { importAnnotationsAction, type AnnotationImportState } from "./actions";

/** Upload a W3C annotation file; shows what was anchored, fuzzy and orphaned, or every problem in the file. */
export function AnnotationImportForm({ documentId }: { documentId: number }) {
  const [state, action, pending] = useActionState<AnnotationImportState, FormData>(importAnnotationsAction, {});
  const t = useTranslations("desk.documents.importAnnotations");
  const errors = state.fieldErrors ?? {};
  const fileProblems = Object.entries(errors).filter(([path]) => path !== "claimant" && path !== "file");
  return (
    <div className="space-y-6">
      <form
        action={action}
        className="max-w-2xl space-y-4 rounded-lg border border-line bg-white p-4"
        noValidate
        aria-label={t("metaTitle")}
      >
        <input type="hidden" name="documentId" value={documentId} />
        <div className="space-y-1">
          <label htmlFor="file" className="block text-sm font-medium">
            {t("file")}
          </label>
          <input
            id="file"
            name="file"
            type="file"
            accept=".json,.jsonld,application/json,application/ld+json"
            className="text-sm"
            aria-describedby={errors.file ? "file-error" : undefined}
          />
          {errors.file && (
            <p id="file-error" className="text-sm text-danger">
              {errors.file}
            </p>
          )}
        </div>
        <TextField
          label={t("claimant")}
          name="claimant"
          defaultValue={state.values?.claimant}
          error={errors.claimant}
          hint={t("claimantHint")}
        />
        <Button type="submit" disabled={pending}>
          {t("import")}
        </Button>
      </form>
      {state.message && <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>}
      {fileProblems.length > 0 && (
        <div>
          <h2 className="mb-2 text-lg font-semibold">{t("problems")}</h2>
          <ul className="list-disc space-y-1 ps-6 text-sm">
            {fileProblems.map(([path, message]) => (
              <li key={path}>
                <code>{path}</code>: {message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {state.imported && (
        <table className="w-full border-collapse text-sm">
          <caption className="mb-2 text-start text-lg font-semibold">{t("imported")}</caption>
          <thead>
            <tr className="border-b border-line text-start">
              <th scope="col" className="py-1 pe-4">
                {t("columns.anchor")}
              </th>
              <th scope="col" className="py-1">
                {t("columns.quote")}
              </th>
            </tr>
          </thead>
          <tbody>
            {state.imported.map((c) => (
              <tr key={c.claimId} className="border-b border-line align-top">
                <td className="py-1 pe-4">{t(`status.${c.status}`)}</td>
                <td className="py-1">
                  <Link href={`/editor/claims/${c.claimId}`} className="text-accent underline">
                    {c.quote}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <Link href={`/editor/documents/${documentId}`} className="text-accent underline">
          {t("back")}
        </Link>
      </p>
    </div>
  );
}
