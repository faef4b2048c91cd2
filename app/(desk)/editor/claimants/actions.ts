"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { field, formAction } from "@/lib/auth/form-action";
import { updateClaimant } from "@/lib/services/claimants/update-claimant";

export const updateClaimantAction = formAction(async (user, form) => {
  await updateClaimant(user.actor, {
    claimantId: field(form, "claimantId"),
    version: Number(field(form, "version")),
    name: String(form.get("name") ?? ""),
    description: String(form.get("description") ?? ""),
    sameAs: String(form.get("sameAs") ?? ""),
    kind: String(form.get("kind") ?? ""),
  });
  revalidatePath(`/editor/claimants/${field(form, "claimantId")}`);
  const t = await getTranslations("desk.claimants.form");
  return { ok: true, message: t("saved") };
});
