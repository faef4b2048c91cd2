import { getTranslations } from "next-intl/server";
import { localizedPath } from "@/lib/i18n/public-path";

/** What a reader sees at an address with no page (in `locale`): where to go instead. */
export async function NotFoundMessage({ locale }: { locale: string }) {
  const t = await getTranslations({ locale, namespace: "notFound" });
  return (
    <div className="space-y-3">
      <h1 className="font-serif text-3xl font-semibold">{t("title")}</h1>
      <p className="text-muted">{t("text")}</p>
      <ul className="flex gap-4">
        <li>
          <a href={localizedPath(locale, "/")} className="text-accent hover:underline">
            {t("home")}
          </a>
        </li>
        <li>
          <a href={localizedPath(locale, "/claims")} className="text-accent hover:underline">
            {t("claims")}
          </a>
        </li>
      </ul>
    </div>
  );
}
