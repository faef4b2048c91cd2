import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Forbidden } from "@/components/layout/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser, userCan } from "@/lib/auth/session";
import { listWebhooks } from "@/lib/services/webhooks/list-webhooks";
import { CreateWebhookForm } from "./create-webhook-form";
import { WebhookActions } from "./webhook-actions";

/** The table's columns (their names: the catalogue's `admin.webhooks.columns.<column>`). */
const COLUMNS = ["endpoint", "events", "state", "secret", "change"] as const;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.webhooks");
  return { title: t("title") };
}

/** `/admin/webhooks`: the endpoints that hear of the desk's events, their state, and a form to add one (admin). */
export default async function WebhooksPage() {
  const user = await requireUser("/admin/webhooks");
  const t = await getTranslations("admin.webhooks");
  if (!userCan(user, "webhooks:manage")) return <Forbidden what={t("forbidden")} />;
  const webhooks = await listWebhooks(user.actor);
  return (
    <>
      <PageHeader title={t("title")}>{t("intro")}</PageHeader>
      <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
        <section aria-labelledby="endpoints" className="space-y-3">
          <h2 id="endpoints" className="text-lg font-semibold">
            {t("endpoints", { n: webhooks.length })}
          </h2>
          {webhooks.length === 0 ? (
            <p className="text-sm text-muted">{t("empty")}</p>
          ) : (
            <div className="overflow-x-auto rounded-lg border border-line bg-white">
              <table className="w-full text-start text-sm">
                <caption className="sr-only">{t("caption")}</caption>
                <thead className="border-b border-line bg-slate-50">
                  <tr>
                    {COLUMNS.map((column) => (
                      <th key={column} scope="col" className="px-3 py-2">
                        {t(`columns.${column}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="divide-y divide-line">
                  {webhooks.map((w) => (
                    <tr key={w.id} className="align-top" data-testid={`webhook-${w.id}`}>
                      <th scope="row" className="px-3 py-2 text-start font-normal">
                        <Link href={`/admin/webhooks/${w.id}`} className="break-all text-accent underline">
                          {w.url}
                        </Link>
                        {w.description && <span className="block text-muted">{w.description}</span>}
                      </th>
                      <td className="px-3 py-2">
                        <ul>
                          {w.events.map((event) => (
                            <li key={event}>
                              <code className="text-xs">{event}</code>
                            </li>
                          ))}
                        </ul>
                      </td>
                      <td className="px-3 py-2">
                        <span className="font-medium">{w.active ? t("active") : t("paused")}</span>
                        <span className="block text-xs text-muted">{t("counts", w.deliveries)}</span>
                      </td>
                      <td className="px-3 py-2">
                        <code className="text-xs">{t("secretEnd", { end: w.secretLast4 })}</code>
                      </td>
                      <td className="px-3 py-2">
                        <WebhookActions webhook={w} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
        <section aria-labelledby="new-webhook" className="h-fit rounded-lg border border-line bg-white p-4">
          <h2 id="new-webhook" className="mb-4 font-semibold">
            {t("newEndpoint")}
          </h2>
          <CreateWebhookForm />
        </section>
      </div>
    </>
  );
}
