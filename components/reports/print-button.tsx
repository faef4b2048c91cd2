"use client";

import { useTranslations } from "next-intl";

/** Opens the browser's print dialog (print to paper, or to PDF). */
export function PrintButton() {
  const t = useTranslations("desk.report");
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded-md border border-line bg-white px-3 py-2 text-sm hover:bg-paper"
    >
      {t("print")}
    </button>
  );
}
