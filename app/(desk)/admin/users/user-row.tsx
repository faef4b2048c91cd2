"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { RoleBadge } from "@/components/ui/role-badge";
import { ROLES, type Role } from "@/db/enums";
import { updateUserAction } from "./actions";

type Props = {
  user: { id: number; name: string; email: string; role: Role; disabled: boolean; version: number };
  isSelf: boolean;
};

/** One account in the admin table: change its role, disable or enable it. */
export function UserRow({ user, isSelf }: Props) {
  const t = useTranslations("admin.users.row");
  const roles = useTranslations("common.roles");
  const [state, action, pending] = useActionState(updateUserAction, {});
  return (
    <tr className={user.disabled ? "text-muted" : undefined} data-testid={`user-row-${user.email}`}>
      <td className="px-3 py-2">
        <div className="font-medium">{user.name}</div>
        <div className="text-xs">{user.email}</div>
      </td>
      <td className="px-3 py-2">
        <RoleBadge role={user.role} />{" "}
        {user.disabled && <span className="ms-1 text-xs font-semibold">{t("disabled")}</span>}
      </td>
      <td className="px-3 py-2">
        <form action={action} className="flex flex-wrap items-center gap-2">
          <input type="hidden" name="userId" value={user.id} />
          <input type="hidden" name="version" value={user.version} />
          <label className="sr-only" htmlFor={`role-${user.id}`}>
            {t("roleOf", { name: user.name })}
          </label>
          <select
            id={`role-${user.id}`}
            name="role"
            defaultValue={user.role}
            className="rounded-md border border-line bg-white px-2 py-1 text-sm"
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {roles(`name.${r}`)}
              </option>
            ))}
          </select>
          <Button type="submit" name="intent" value="role" variant="secondary" disabled={pending}>
            {t("changeRole")}
          </Button>
          {!isSelf && (
            <Button
              type="submit"
              name="intent"
              value={user.disabled ? "enable" : "disable"}
              variant={user.disabled ? "secondary" : "danger"}
              disabled={pending}
            >
              {user.disabled ? t("enable") : t("disable")}
            </Button>
          )}
        </form>
        {state.message && (
          <p role={state.ok ? "status" : "alert"} className={`mt-1 text-xs ${state.ok ? "text-ok" : "text-danger"}`}>
            {state.message}
          </p>
        )}
      </td>
    </tr>
  );
}
