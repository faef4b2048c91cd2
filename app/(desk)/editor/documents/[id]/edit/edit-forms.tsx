"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { Document } from "@/db/schema";
import { saveDetailsAction, saveTextAction } from "./actions";

/** The text of the current revision, edited as plain text; saving makes a new revision. */
export function TextForm({ documentId, revision, text }: { documentId: number; revision: number; text: string }) {
  const [state, action, pending] = useActionState(saveTextAction, {});
  const t = useTranslations("desk.documents.edit");
  return (
    <form action={action} className="space-y-3">
      {state.message && <Alert tone="error">{state.message}</Alert>}
      <input type="hidden" name="documentId" value={documentId} />
      <input type="hidden" name="baseRevision" value={revision} />
      <label htmlFor="text" className="block text-sm font-medium">
        {t("text", { revision })}
      </label>
      <textarea
        id="text"
        name="text"
        rows={24}
        defaultValue={state.values?.text ?? text}
        className="w-full rounded-md border border-line bg-white px-3 py-2 font-serif text-base leading-relaxed"
      />
      {state.fieldErrors?.text && <p className="text-sm text-danger">{state.fieldErrors.text}</p>}
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("saveText")}
      </Button>
    </form>
  );
}

/** Title, source and publication details. */
export function DetailsForm({ doc }: { doc: Document }) {
  const [state, action, pending] = useActionState(saveDetailsAction, {});
  const t = useTranslations("desk.documents");
  const e = state.fieldErrors ?? {};
  const v = (k: keyof Document & string) => state.values?.[k] ?? (doc[k] as string | null) ?? "";
  return (
    <form action={action} className="space-y-3" noValidate>
      {state.message && <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>}
      <input type="hidden" name="documentId" value={doc.id} />
      <input type="hidden" name="version" value={doc.version} />
      <TextField label={t("fields.title")} name="title" defaultValue={v("title")} error={e.title} />
      <TextField
        label={t("fields.sourceUrl")}
        name="sourceUrl"
        type="url"
        defaultValue={v("sourceUrl")}
        error={e.sourceUrl}
      />
      <TextField label={t("fields.publisher")} name="publisher" defaultValue={v("publisher")} error={e.publisher} />
      <TextField label={t("fields.author")} name="author" defaultValue={v("author")} error={e.author} />
      <TextField
        label={t("fields.publishedAt")}
        name="publishedAt"
        type="date"
        defaultValue={v("publishedAt")}
        error={e.publishedAt}
      />
      <TextField label={t("fields.language")} name="language" defaultValue={v("language")} error={e.language} />
      <Button type="submit" disabled={pending}>
        {t("edit.saveDetails")}
      </Button>
    </form>
  );
}
