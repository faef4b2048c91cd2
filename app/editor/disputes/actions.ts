"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { pagesOf, revalidatePages } from "@/app/_lib/revalidate-public";
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
  const dispute = createDispute(user.actor, details(form));
  redirect(`/editor/disputes/${dispute.id}`);
});

/** A dispute change shows on its page and on the pages of the public claims in it, before and after. */
function withDisputePages<T>(disputeId: string | undefined, change: () => T): T {
  const before = pagesOf({ disputeId: Number(disputeId) });
  const result = change();
  revalidatePages([...before, ...pagesOf({ disputeId: Number(disputeId) })]);
  return result;
}

export const updateDisputeAction = formAction(async (user, form) => {
  withDisputePages(field(form, "disputeId"), () =>
    updateDispute(user.actor, {
      disputeId: field(form, "disputeId"),
      version: Number(field(form, "version")),
      ...details(form),
    }),
  );
  revalidatePath(`/editor/disputes/${field(form, "disputeId")}`);
  return { ok: true, message: "Dispute saved." };
});

export const addAccountAction = formAction(async (user, form) => {
  withDisputePages(field(form, "disputeId"), () =>
    addDisputeAccount(user.actor, {
      disputeId: field(form, "disputeId"),
      claimId: field(form, "claimId"),
      label: field(form, "label") ?? "",
    }),
  );
  revalidatePath(`/editor/disputes/${field(form, "disputeId")}`);
  return { ok: true, message: "Account added." };
});

export const removeAccountAction = formAction(async (user, form) => {
  withDisputePages(field(form, "disputeId"), () =>
    removeDisputeAccount(user.actor, { disputeId: field(form, "disputeId"), claimId: field(form, "claimId") }),
  );
  revalidatePath(`/editor/disputes/${field(form, "disputeId")}`);
  return { ok: true, message: "Account removed." };
});
