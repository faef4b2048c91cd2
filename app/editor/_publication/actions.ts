"use server";

import { revalidatePath } from "next/cache";
import { RECORD_KINDS, type RecordKind } from "@/db/queries/record-changes";
import { field, formAction } from "@/lib/auth/form-action";
import { discardRecordChanges, publishRecordChanges } from "@/lib/services/publication/record-changes";

const kindOf = (form: FormData): RecordKind => {
  const kind = String(form.get("kind"));
  return (RECORD_KINDS as readonly string[]).includes(kind) ? (kind as RecordKind) : "claimant";
};

/** Publishes a claimant's, document's or dispute's pending changes (the panel's "Publish changes"). */
export const publishRecordAction = formAction(async (user, form) => {
  const kind = kindOf(form);
  const result = await publishRecordChanges(user.actor, {
    kind: form.get("kind"),
    id: field(form, "id"),
    version: Number(field(form, "version")),
    note: String(form.get("note") ?? ""),
  });
  revalidatePath(`/editor/${kind}s/${result.id}`);
  return { ok: true, message: `Published: readers now see version ${result.seq}.` };
});

/** Puts a claimant's, document's or dispute's working copy back as readers see it. */
export const discardRecordAction = formAction(async (user, form) => {
  const kind = kindOf(form);
  const result = await discardRecordChanges(user.actor, {
    kind: form.get("kind"),
    id: field(form, "id"),
    version: Number(field(form, "version")),
  });
  revalidatePath(`/editor/${kind}s/${result.id}`);
  return { ok: true, message: "Changes discarded: the desk has it as readers see it." };
});
