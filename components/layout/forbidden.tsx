import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";

/** Shown when a signed-in user opens a page their role does not allow; `what` (translated) is what it does. */
export async function Forbidden({ what }: { what: string }) {
  const t = await getTranslations("desk.forbidden");
  return (
    <section>
      <PageHeader title={t("title")}>{t("text", { what })}</PageHeader>
    </section>
  );
}
