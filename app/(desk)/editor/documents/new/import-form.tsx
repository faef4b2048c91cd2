"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { importAction } from "./actions";

const SOURCES = ["paste", "file", "url"] as const;

/** What the page address field shows before anything is typed (an address, no words). */
const URL_PLACEHOLDER = "https://…";

/** Import a document by pasting, uploading or giving a URL, with optional details. */
export function ImportForm() {
  const t = useTranslations("desk.documents");
  const [state, action, pending] = useActionState(importAction, {});
  const [source, setSource] = useState<string>(state.values?.source ?? "paste");
  const errors = state.fieldErrors ?? {};
  const v = state.values ?? {};
  return (
    <form action={action} className="space-y-6" noValidate>
      {state.message && <Alert tone="error">{state.message}</Alert>}
      <fieldset>
        <legend className="mb-2 text-sm font-semibold">{t("importForm.source")}</legend>
        <div className="flex flex-wrap gap-4">
          {SOURCES.map((s) => (
            <label key={s} className="flex items-center gap-2 text-sm">
              <input type="radio" name="source" value={s} checked={source === s} onChange={() => setSource(s)} />
              {t(`importForm.sources.${s}`)}
            </label>
          ))}
        </div>
      </fieldset>

      {source === "paste" && (
        <div className="space-y-2">
          <label htmlFor="text" className="block text-sm font-medium">
            {t("importForm.text")}
          </label>
          <textarea
            id="text"
            name="text"
            rows={14}
            defaultValue={v.text}
            aria-invalid={errors.text ? true : undefined}
            aria-describedby={errors.text ? "text-error" : undefined}
            className="w-full rounded-md border border-line bg-white px-3 py-2 font-serif text-base"
          />
          {errors.text && (
            <p id="text-error" className="text-sm text-danger">
              {errors.text}
            </p>
          )}
          <fieldset className="flex gap-4 text-sm">
            <legend className="sr-only">{t("importForm.format")}</legend>
            <label className="flex items-center gap-2">
              <input type="radio" name="format" value="text" defaultChecked={v.format !== "markdown"} />{" "}
              {t("importForm.plainText")}
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="format" value="markdown" defaultChecked={v.format === "markdown"} />{" "}
              {t("importForm.markdown")}
            </label>
          </fieldset>
        </div>
      )}
      {source === "file" && (
        <div className="space-y-1">
          <label htmlFor="file" className="block text-sm font-medium">
            {t("importForm.file")}
          </label>
          <input
            id="file"
            name="file"
            type="file"
            accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
            className="text-sm"
          />
          {errors.file && <p className="text-sm text-danger">{errors.file}</p>}
        </div>
      )}
      {source === "url" && (
        <TextField
          label={t("importForm.url")}
          name="url"
          type="url"
          placeholder={URL_PLACEHOLDER}
          defaultValue={v.url}
          error={errors.url}
          hint={t("importForm.urlHint")}
        />
      )}

      <fieldset className="grid gap-4 rounded-lg border border-line bg-white p-4 sm:grid-cols-2">
        <legend className="px-1 text-sm font-semibold">{t("importForm.details")}</legend>
        <TextField label={t("fields.title")} name="title" defaultValue={v.title} error={errors.title} />
        <TextField
          label={t("fields.sourceUrl")}
          name="sourceUrl"
          type="url"
          defaultValue={v.sourceUrl}
          error={errors.sourceUrl}
        />
        <TextField label={t("fields.publisher")} name="publisher" defaultValue={v.publisher} error={errors.publisher} />
        <TextField label={t("fields.author")} name="author" defaultValue={v.author} error={errors.author} />
        <TextField
          label={t("fields.publishedAt")}
          name="publishedAt"
          type="date"
          defaultValue={v.publishedAt}
          error={errors.publishedAt}
        />
        <TextField
          label={t("fields.language")}
          name="language"
          placeholder={t("fields.languagePlaceholder")}
          defaultValue={v.language}
          error={errors.language}
        />
      </fieldset>

      <Button type="submit" disabled={pending}>
        {pending ? t("importForm.importing") : t("importForm.import")}
      </Button>
    </form>
  );
}
