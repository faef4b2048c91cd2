"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
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
  const t = await getTranslations("admin.users.messages");
  return {
    ok: true,
    message: t("created", { name: created.name, email: created.email }),
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
  const t = await getTranslations("admin.users.messages");
  if (intent !== "role" && intent !== "disable" && intent !== "enable") return { message: t("chooseChange") };
  const updated = await updateUser(user.actor, {
    userId: field(form, "userId"),
    version: Number(field(form, "version")),
    ...INTENTS[intent](form),
  });
  revalidatePath("/admin/users");
  const roles = await getTranslations("common.roles");
  const message = t("updated", {
    email: updated.email,
    state: updated.disabled ? "disabled" : "active",
    role: roles(`name.${updated.role}`),
  });
  return { ok: true, message };
});
