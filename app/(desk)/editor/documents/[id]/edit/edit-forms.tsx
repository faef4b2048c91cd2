"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { Document } from "@/db/schema";
import { saveDetailsAction, saveTextAction } from "./actions";

/** The text of the current revision, edited as plain text; saving makes a new revision. */
export function TextForm({ documentId, revision, text }: { documentId: number; revision: number; text: string }) {
  const [state, action, pending] = useActionState(saveTextAction, {});
  return (
    <form action={action} className="space-y-3">
      {state.message && <Alert tone="error">{state.message}</Alert>}
      <input type="hidden" name="documentId" value={documentId} />
      <input type="hidden" name="baseRevision" value={revision} />
      <label htmlFor="text" className="block text-sm font-medium">
        Text (revision {revision}; paragraphs are separated by a blank line)
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
        {pending ? "Saving…" : "Save as a new revision"}
      </Button>
    </form>
  );
}

/** Title, source and publication details. */
export function DetailsForm({ doc }: { doc: Document }) {
  const [state, action, pending] = useActionState(saveDetailsAction, {});
  const e = state.fieldErrors ?? {};
  const v = (k: keyof Document & string) => state.values?.[k] ?? (doc[k] as string | null) ?? "";
  return (
    <form action={action} className="space-y-3" noValidate>
      {state.message && <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>}
      <input type="hidden" name="documentId" value={doc.id} />
      <input type="hidden" name="version" value={doc.version} />
      <TextField label="Title" name="title" defaultValue={v("title")} error={e.title} />
      <TextField label="Source URL" name="sourceUrl" type="url" defaultValue={v("sourceUrl")} error={e.sourceUrl} />
      <TextField label="Publisher" name="publisher" defaultValue={v("publisher")} error={e.publisher} />
      <TextField label="Author" name="author" defaultValue={v("author")} error={e.author} />
      <TextField
        label="Publication date"
        name="publishedAt"
        type="date"
        defaultValue={v("publishedAt")}
        error={e.publishedAt}
      />
      <TextField label="Language" name="language" defaultValue={v("language")} error={e.language} />
      <Button type="submit" disabled={pending}>
        Save details
      </Button>
    </form>
  );
}
