"use server";

import { localizedFailure } from "@/lib/i18n/localize-error";
import { getTranslations } from "next-intl/server";
import { field, formAction, type FormState } from "@/lib/auth/form-action";
import { importAnnotations, type ImportedClaim } from "@/lib/services/documents/import-annotations";
import { isServiceError, ServiceError } from "@/lib/services/errors";

export type AnnotationImportState = FormState & { imported?: ImportedClaim[] };

const MAX_FILE = 6 * 1024 * 1024;

/** Reads an uploaded W3C annotation file and imports it into the document. */
export const importAnnotationsAction = formAction<AnnotationImportState>(async (user, form) => {
  const t = await getTranslations("desk.documents.importAnnotations");
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0)
    throw new ServiceError("validation_failed", t("errors.noFile"), [
      { path: "file", message: t("errors.noFileField") },
    ]);
  if (file.size > MAX_FILE)
    throw new ServiceError("validation_failed", t("errors.tooLarge"), [
      { path: "file", message: t("errors.tooLargeField") },
    ]);
  let annotations: unknown;
  try {
    annotations = JSON.parse(await file.text());
  } catch {
    throw new ServiceError("validation_failed", t("errors.notJson"), [
      { path: "file", message: t("errors.notJsonField") },
    ]);
  }
  const claimant = field(form, "claimant");
  let imported;
  try {
    imported = await importAnnotations(user.actor, {
      documentId: field(form, "documentId"),
      annotations,
      ...(claimant ? { claimant: { name: claimant } } : {}),
    });
  } catch (e) {
    // The service's own message says what is wrong with the file as a whole; the issues list each problem.
    if (!isServiceError(e, "validation_failed")) throw e;
    return { ...(await localizedFailure(e)), values: { claimant: claimant ?? "" } };
  }
  const { claims, counts, notice } = imported;
  return {
    ok: true,
    message: [
      t("done", { n: claims.length, anchored: counts.anchored, fuzzy: counts.fuzzy, orphaned: counts.orphaned }),
      notice?.in(await getTranslations()),
    ]
      .filter(Boolean)
      .join(" "),
    imported: claims,
  };
});
