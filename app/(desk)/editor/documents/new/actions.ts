"use server";

import { redirect } from "next/navigation";
import { field, formAction } from "@/lib/auth/form-action";
import { DOCUMENT_METADATA_KEYS, readUpload, UnusableSource } from "@/lib/documents/prepare-document";
import { ServiceError } from "@/lib/services/errors";
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
      throw new ServiceError("validation_failed", "Choose a file.", [
        { path: "file", message: "choose a .txt, .md or .html file" },
      ]);
    }
    try {
      const { content, format } = readUpload(file.name, new Uint8Array(await file.arrayBuffer()));
      input = { ...metadata, text: content, format };
    } catch (e) {
      if (e instanceof UnusableSource)
        throw new ServiceError("validation_failed", e.message, [{ path: "file", message: e.message }]);
      throw e;
    }
  } else {
    input = { ...metadata, text: String(form.get("text") ?? ""), format: field(form, "format") ?? "text" };
  }
  const doc = await importDocument(user.actor, input);
  redirect(`/editor/documents/${doc.id}`);
});
