import { useTranslations } from "next-intl";
import type { Priority } from "@/db/schema";

const STYLES: Record<Priority, string> = {
  low: "text-muted",
  normal: "",
  high: "font-semibold",
  urgent: "font-semibold text-danger",
};

/** A claim's priority in words (its weight and colour only repeat what the word says). */
export function PriorityLabel({ priority }: { priority: Priority }) {
  const t = useTranslations("desk.assignments.priority");
  return <span className={STYLES[priority]}>{t(priority)}</span>;
}
