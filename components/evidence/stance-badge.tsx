import { useTranslations } from "next-intl";
import type { Stance } from "@/db/enums";

const STYLES: Record<Stance, string> = {
  supports: "bg-green-100 text-green-900",
  refutes: "bg-red-100 text-red-900",
  context: "bg-slate-200 text-slate-900",
};

/** A stance as a labelled badge (the word carries the meaning; the colour repeats it). */
export function StanceBadge({ stance }: { stance: Stance }) {
  const t = useTranslations("common");
  return (
    <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${STYLES[stance]}`}>{t(`stance.${stance}`)}</span>
  );
}
