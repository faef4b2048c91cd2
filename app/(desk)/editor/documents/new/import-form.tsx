"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { importAction } from "./actions";

const SOURCES = [
  { value: "paste", label: "Paste text" },
  { value: "file", label: "Upload a file" },
  { value: "url", label: "From a URL" },
] as const;

/** Import a document by pasting, uploading or giving a URL, with optional details. */
export function ImportForm() {
  const [state, action, pending] = useActionState(importAction, {});
  const [source, setSource] = useState<string>(state.values?.source ?? "paste");
  const errors = state.fieldErrors ?? {};
  const v = state.values ?? {};
  return (
    <form action={action} className="space-y-6" noValidate>
      {state.message && <Alert tone="error">{state.message}</Alert>}
      <fieldset>
        <legend className="mb-2 text-sm font-semibold">Source</legend>
        <div className="flex flex-wrap gap-4">
          {SOURCES.map((s) => (
            <label key={s.value} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="source"
                value={s.value}
                checked={source === s.value}
                onChange={() => setSource(s.value)}
              />
              {s.label}
            </label>
          ))}
        </div>
      </fieldset>

      {source === "paste" && (
        <div className="space-y-2">
          <label htmlFor="text" className="block text-sm font-medium">
            Text
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
            <legend className="sr-only">Format</legend>
            <label className="flex items-center gap-2">
              <input type="radio" name="format" value="text" defaultChecked={v.format !== "markdown"} /> Plain text
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="format" value="markdown" defaultChecked={v.format === "markdown"} /> Markdown
            </label>
          </fieldset>
        </div>
      )}
      {source === "file" && (
        <div className="space-y-1">
          <label htmlFor="file" className="block text-sm font-medium">
            File (.txt, .md or .html, up to 5 MB)
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
          label="Page address"
          name="url"
          type="url"
          placeholder="https://…"
          defaultValue={v.url}
          error={errors.url}
          hint="The page is fetched by the server; its article text is extracted."
        />
      )}

      <fieldset className="grid gap-4 rounded-lg border border-line bg-white p-4 sm:grid-cols-2">
        <legend className="px-1 text-sm font-semibold">Details (optional: the importer fills what it finds)</legend>
        <TextField label="Title" name="title" defaultValue={v.title} error={errors.title} />
        <TextField label="Source URL" name="sourceUrl" type="url" defaultValue={v.sourceUrl} error={errors.sourceUrl} />
        <TextField label="Publisher" name="publisher" defaultValue={v.publisher} error={errors.publisher} />
        <TextField label="Author" name="author" defaultValue={v.author} error={errors.author} />
        <TextField
          label="Publication date"
          name="publishedAt"
          type="date"
          defaultValue={v.publishedAt}
          error={errors.publishedAt}
        />
        <TextField
          label="Language"
          name="language"
          placeholder="en"
          defaultValue={v.language}
          error={errors.language}
        />
      </fieldset>

      <Button type="submit" disabled={pending}>
        {pending ? "Importing…" : "Import"}
      </Button>
    </form>
  );
}
