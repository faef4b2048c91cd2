"use server";

import { revalidatePath } from "next/cache";
import { pagesOf, revalidatePages } from "@/app/_lib/revalidate-public";
import { field, formAction } from "@/lib/auth/form-action";
import { updateClaimant } from "@/lib/services/claimants/update-claimant";

export const updateClaimantAction = formAction(async (user, form) => {
  updateClaimant(user.actor, {
    claimantId: field(form, "claimantId"),
    version: Number(field(form, "version")),
    name: String(form.get("name") ?? ""),
    description: String(form.get("description") ?? ""),
    sameAs: String(form.get("sameAs") ?? ""),
    kind: String(form.get("kind") ?? ""),
  });
  revalidatePath(`/editor/claimants/${field(form, "claimantId")}`);
  revalidatePages(pagesOf({ claimantId: Number(field(form, "claimantId")) }));
  return { ok: true, message: "Claimant saved." };
});
