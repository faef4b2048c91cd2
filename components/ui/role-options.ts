import { useTranslations } from "next-intl";
import { ROLES } from "@/db/enums";

/** The roles as select options, with what each may do (a hook: the labels are in the user's language). */
export function useRoleOptions(): { value: string; label: string }[] {
  const t = useTranslations("common.roles");
  return ROLES.map((r) => ({ value: r, label: t(`described.${r}`) }));
}
