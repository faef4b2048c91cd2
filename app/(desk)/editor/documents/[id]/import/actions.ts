"use server";

import { field, formAction, type FormState } from "@/lib/auth/form-action";
import { importAnnotations, type ImportedClaim } from "@/lib/services/documents/import-annotations";
import { isServiceError, ServiceError } from "@/lib/services/errors";

export type AnnotationImportState = FormState & { imported?: ImportedClaim[] };

const MAX_FILE = 6 * 1024 * 1024;

/** Reads an uploaded W3C annotation file and imports it into the document. */
export const importAnnotationsAction = formAction<AnnotationImportState>(async (user, form) => {
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0)
    throw new ServiceError("validation_failed", "Choose a file.", [
      { path: "file", message: "choose a W3C annotation file (.json or .jsonld)" },
    ]);
  if (file.size > MAX_FILE)
    throw new ServiceError("validation_failed", "The file is larger than 6 MB.", [
      { path: "file", message: "must be at most 6 MB" },
    ]);
  let annotations: unknown;
  try {
    annotations = JSON.parse(await file.text());
  } catch {
    throw new ServiceError("validation_failed", "The file is not JSON.", [
      { path: "file", message: "is not JSON: a W3C annotation file is JSON-LD" },
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
    return {
      message: e.message,
      fieldErrors: Object.fromEntries((e.issues ?? []).map((i) => [i.path, i.message])),
      values: { claimant: claimant ?? "" },
    };
  }
  const { claims, counts, notice } = imported;
  return {
    ok: true,
    message: `Imported ${claims.length} claim${claims.length === 1 ? "" : "s"}: ${counts.anchored} anchored, ${counts.fuzzy} re-found and waiting for confirmation, ${counts.orphaned} orphaned.${notice ? ` ${notice}` : ""}`,
    imported: claims,
  };
});
