"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { useServiceAction } from "@/components/ui/use-service-action";
import type { ClaimForEditor } from "@/db/queries/claim-editor";
import type { ActionResult } from "@/lib/auth/form-action";

type Props = {
  claimId: number;
  comments: ClaimForEditor["comments"];
  add: (input: unknown) => Promise<ActionResult<unknown>>;
};

/** The internal review conversation on a claim: never shown to readers. */
export function CommentThread({ claimId, comments, add }: Props) {
  const t = useTranslations("desk.verdicts.comments");
  const format = useFormatter();
  const { run, pending, error } = useServiceAction(add);
  const [body, setBody] = useState("");
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (await run({ claimId, body })) setBody("");
  }
  return (
    <div className="space-y-3">
      <ol className="space-y-2">
        {comments.map((c) => (
          <li
            key={c.id}
            className={`rounded-md border p-2 text-sm ${c.kind === "changes_requested" ? "border-amber-400 bg-amber-50" : "border-line bg-white"}`}
          >
            <p className="text-xs text-muted">
              {c.author} · {format.dateTime(c.createdAt, "instant")}
              {c.kind === "changes_requested" ? ` · ${t("changesRequested")}` : ""}
            </p>
            <p className="whitespace-pre-wrap">{c.body}</p>
          </li>
        ))}
      </ol>
      <form onSubmit={submit} className="space-y-2" aria-label={t("newComment")}>
        <label className="block text-sm font-medium">
          {t("label")}
          <textarea
            value={body}
            onChange={(e) => setBody(e.target.value)}
            rows={2}
            className="mt-1 w-full rounded-md border border-line bg-white px-2 py-1 font-normal"
          />
        </label>
        {error && <p className="text-sm text-danger">{error.message}</p>}
        <Button type="submit" variant="secondary" disabled={pending || !body.trim()}>
          {t("submit")}
        </Button>
      </form>
    </div>
  );
}
