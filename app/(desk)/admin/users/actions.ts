"use server";

import { revalidatePath } from "next/cache";
import { field, formAction } from "@/lib/auth/form-action";
import { createUser } from "@/lib/services/users/create-user";
import { updateUser } from "@/lib/services/users/update-user";

export const createUserAction = formAction(async (user, form) => {
  const { user: created, temporaryPassword } = await createUser(user.actor, {
    name: field(form, "name") ?? "",
    email: field(form, "email") ?? "",
    role: field(form, "role") ?? "",
  });
  revalidatePath("/admin/users");
  return {
    ok: true,
    message: `Account created for ${created.name} (${created.email}). Give them this temporary password; it is shown only once.`,
    secret: temporaryPassword ?? undefined,
  };
});

const INTENTS = {
  role: (form: FormData) => ({ role: field(form, "role") }),
  disable: () => ({ disabled: true }),
  enable: () => ({ disabled: false }),
} as const;

export const updateUserAction = formAction(async (user, form) => {
  const intent = field(form, "intent");
  if (intent !== "role" && intent !== "disable" && intent !== "enable") return { message: "Choose what to change." };
  const updated = await updateUser(user.actor, {
    userId: field(form, "userId"),
    version: Number(field(form, "version")),
    ...INTENTS[intent](form),
  });
  revalidatePath("/admin/users");
  return { ok: true, message: `${updated.email} is now ${updated.disabled ? "disabled" : "active"}, ${updated.role}.` };
});
