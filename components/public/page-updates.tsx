import { useFormatter, useTranslations } from "next-intl";
import type { PublicUpdate } from "@/db/queries/public/records";

/** The published notes on changes to this page's claimant, document or dispute, newest first. */
export function PageUpdates({ updates }: { updates: PublicUpdate[] }) {
  const t = useTranslations("public.updates");
  const format = useFormatter();
  if (updates.length === 0) return null;
  return (
    <section aria-labelledby="updates" className="border-t border-line pt-4 text-sm">
      <h2 id="updates" className="mb-2 font-semibold">
        {t("title")}
      </h2>
      <ul className="space-y-1">
        {updates.map((u) => (
          <li key={u.at.toISOString()}>
            <time dateTime={u.at.toISOString()} className="text-muted">
              {format.dateTime(u.at, "day")}
            </time>{" "}
            {u.note}
          </li>
        ))}
      </ul>
    </section>
  );
}
