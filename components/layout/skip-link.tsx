import { getTranslations } from "next-intl/server";

/** The first thing a keyboard reaches: a jump past the header to the page's content. */
export async function SkipLink() {
  const t = await getTranslations("layout");
  return (
    <a
      href="#main"
      className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:bg-white focus:p-2"
    >
      {t("skipToContent")}
    </a>
  );
}
