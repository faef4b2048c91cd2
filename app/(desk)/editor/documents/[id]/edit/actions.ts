"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { field, formAction } from "@/lib/auth/form-action";
import { DOCUMENT_METADATA_KEYS } from "@/lib/documents/prepare-document";
import { updateDocumentMetadata } from "@/lib/services/documents/update-document-metadata";
import { updateDocumentText } from "@/lib/services/documents/update-document-text";

/** Saves an edited text as a new revision and returns to the annotator with what happened to the claims. */
export const saveTextAction = formAction(async (user, form) => {
  const documentId = field(form, "documentId");
  const result = await updateDocumentText(user.actor, {
    documentId,
    baseRevision: Number(field(form, "baseRevision")),
    text: String(form.get("text") ?? ""),
  });
  const count = (s: string) => result.claims.filter((c) => c.anchorStatus === s).length;
  redirect(
    `/editor/documents/${documentId}?saved=${result.revision}&anchored=${count("anchored")}&fuzzy=${count("fuzzy")}&orphaned=${count("orphaned")}`,
  );
});

/** Saves the document's title, source and publication details. */
export const saveDetailsAction = formAction(async (user, form) => {
  await updateDocumentMetadata(user.actor, {
    documentId: field(form, "documentId"),
    version: Number(field(form, "version")),
    ...Object.fromEntries(DOCUMENT_METADATA_KEYS.map((k) => [k, String(form.get(k) ?? "")])),
  });
  revalidatePath(`/editor/documents/${field(form, "documentId")}`, "layout");
  const t = await getTranslations("desk.documents.edit");
  return { ok: true, message: t("detailsSaved") };
});
