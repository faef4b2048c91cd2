"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { field, formAction } from "@/lib/auth/form-action";
import { DOCUMENT_METADATA_KEYS, readUpload, UnusableSource } from "@/lib/documents/prepare-document";
import { fieldIssue, ServiceError } from "@/lib/services/errors";
import { importDocument } from "@/lib/services/documents/import-document";

/** Imports pasted text, an uploaded file or a URL, then opens the annotator on it. */
export const importAction = formAction(async (user, form) => {
  const source = field(form, "source");
  const metadata = Object.fromEntries(
    DOCUMENT_METADATA_KEYS.map((k) => [k, field(form, k)]).filter(([, v]) => v !== undefined),
  );
  let input: Record<string, unknown>;
  if (source === "url") {
    input = { ...metadata, url: field(form, "url") ?? "" };
  } else if (source === "file") {
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) {
      const t = await getTranslations("desk.documents.importForm.errors");
      throw new ServiceError("validation_failed", t("noFile"), [{ path: "file", message: t("noFileField") }]);
    }
    try {
      const { content, format } = readUpload(file.name, new Uint8Array(await file.arrayBuffer()));
      input = { ...metadata, text: content, format };
    } catch (e) {
      if (e instanceof UnusableSource)
        throw new ServiceError("validation_failed", e.text, [fieldIssue("file", e.text)]);
      throw e;
    }
  } else {
    input = { ...metadata, text: String(form.get("text") ?? ""), format: field(form, "format") ?? "text" };
  }
  const doc = await importDocument(user.actor, input);
  redirect(`/editor/documents/${doc.id}`);
});
