import { useTranslations } from "next-intl";
import type { Role } from "@/db/enums";

const STYLES: Record<Role, string> = {
  admin: "bg-purple-100 text-purple-900",
  editor: "bg-blue-100 text-blue-900",
  contributor: "bg-slate-200 text-slate-900",
};

/** A small label showing a role (in server and client components alike). */
export function RoleBadge({ role }: { role: Role }) {
  const t = useTranslations("common.roles");
  return <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STYLES[role]}`}>{t(`name.${role}`)}</span>;
}
