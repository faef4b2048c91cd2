"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { field, formAction } from "@/lib/auth/form-action";
import { addDisputeAccount, removeDisputeAccount } from "@/lib/services/disputes/change-accounts";
import { createDispute } from "@/lib/services/disputes/create-dispute";
import { updateDispute } from "@/lib/services/disputes/update-dispute";

const details = (form: FormData) => ({
  question: String(form.get("question") ?? ""),
  eventDate: String(form.get("eventDate") ?? ""),
  description: String(form.get("description") ?? ""),
});

export const createDisputeAction = formAction(async (user, form) => {
  const dispute = await createDispute(user.actor, details(form));
  redirect(`/editor/disputes/${dispute.id}`);
});

export const updateDisputeAction = formAction(async (user, form) => {
  await updateDispute(user.actor, {
    disputeId: field(form, "disputeId"),
    version: Number(field(form, "version")),
    ...details(form),
  });
  revalidatePath(`/editor/disputes/${field(form, "disputeId")}`);
  const t = await getTranslations("desk.disputes.form");
  return { ok: true, message: t("saved") };
});

export const addAccountAction = formAction(async (user, form) => {
  await addDisputeAccount(user.actor, {
    disputeId: field(form, "disputeId"),
    claimId: field(form, "claimId"),
    label: field(form, "label") ?? "",
  });
  revalidatePath(`/editor/disputes/${field(form, "disputeId")}`);
  const t = await getTranslations("desk.disputes.form");
  return { ok: true, message: t("added") };
});

export const removeAccountAction = formAction(async (user, form) => {
  await removeDisputeAccount(user.actor, { disputeId: field(form, "disputeId"), claimId: field(form, "claimId") });
  revalidatePath(`/editor/disputes/${field(form, "disputeId")}`);
  const t = await getTranslations("desk.disputes.form");
  return { ok: true, message: t("removed") };
});
