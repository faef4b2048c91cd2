"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { field, formAction } from "@/lib/auth/form-action";
import { discardRecordChanges, publishRecordChanges } from "@/lib/services/publication/record-changes";

/** Publishes a claimant's, document's or dispute's pending changes (the panel's "Publish changes"). */
export const publishRecordAction = formAction(async (user, form) => {
  const result = await publishRecordChanges(user.actor, {
    kind: form.get("kind"),
    id: field(form, "id"),
    version: Number(field(form, "version")),
    note: String(form.get("note") ?? ""),
  });
  revalidatePath(`/editor/${result.kind}s/${result.id}`);
  const t = await getTranslations("desk.publication");
  return { ok: true, message: t("publishedVersion", { seq: result.seq }) };
});

/** Puts a claimant's, document's or dispute's working copy back as readers see it. */
export const discardRecordAction = formAction(async (user, form) => {
  const result = await discardRecordChanges(user.actor, {
    kind: form.get("kind"),
    id: field(form, "id"),
    version: Number(field(form, "version")),
  });
  revalidatePath(`/editor/${result.kind}s/${result.id}`);
  const t = await getTranslations("desk.publication");
  return { ok: true, message: t("discarded") };
});
