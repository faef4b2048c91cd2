import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Forbidden } from "@/components/layout/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser, userCan } from "@/lib/auth/session";
import { isServiceError } from "@/lib/services/errors";
import { getWebhook } from "@/lib/services/webhooks/get-webhook";
import { listDeliveries } from "@/lib/services/webhooks/list-deliveries";
import type { DeliveryView } from "@/lib/services/webhooks/webhook-view";
import { WebhookActions } from "../webhook-actions";
import { RedeliverButton } from "./redeliver-button";

/** The table's columns (their names: the catalogue's `admin.webhooks.deliveries.columns.<column>`). */
const COLUMNS = ["delivery", "event", "claim", "created", "state", "attempts", "last", "action"] as const;
const PAGE_SIZE = 25;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ page?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.webhooks.deliveries");
  return { title: t("title") };
}

/** The page number asked for (`?page=`), 1 when absent or not a positive whole number. */
function pageNumber(raw: string | undefined): number {
  const n = raw && /^\d{1,6}$/.test(raw) ? Number(raw) : 1;
  return n >= 1 ? n : 1;
}

/** An endpoint, found by the admin's id, or null when there is none. */
async function findWebhook(actor: Parameters<typeof getWebhook>[0], id: string) {
  try {
    return await getWebhook(actor, { webhookId: id });
  } catch (e) {
    if (isServiceError(e, "not_found") || isServiceError(e, "validation_failed")) return null;
    throw e;
  }
}

/** `/admin/webhooks/[id]`: an endpoint's deliveries, newest first, with their attempts, and "Send again" (admin). */
export default async function WebhookDeliveriesPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requireUser(`/admin/webhooks/${id}`);
  const t = await getTranslations("admin.webhooks");
  if (!userCan(user, "webhooks:manage")) return <Forbidden what={t("forbidden")} />;
  const webhook = await findWebhook(user.actor, id);
  if (!webhook) notFound();
  const format = await getFormatter();
  const page = pageNumber((await searchParams).page);
  const { deliveries, total } = await listDeliveries(user.actor, {
    webhookId: webhook.id,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const when = (d: Date | null) => (d ? format.dateTime(d, "instant") : "");

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/webhooks" className="text-accent underline">
          {t("deliveries.back")}
        </Link>
      </p>
      <PageHeader title={t("deliveries.heading", { url: webhook.url })}>
        {webhook.description && <span className="block">{webhook.description}</span>}
        {t("deliveries.summary", { state: webhook.active ? "active" : "paused", events: webhook.events.join(", ") })}
      </PageHeader>
      <div className="mb-6">
        <WebhookActions webhook={webhook} />
      </div>

      <section aria-labelledby="deliveries-heading" className="space-y-4">
        <h2 id="deliveries-heading" className="text-lg font-semibold">
          {t("deliveries.count", { n: total })}
        </h2>
        {deliveries.length === 0 ? (
          <p className="text-sm text-muted">{total === 0 ? t("deliveries.empty") : t("deliveries.emptyPage")}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-line bg-white">
            <table className="w-full text-start text-sm">
              <caption className="sr-only">{t("deliveries.caption", { page, pages })}</caption>
              <thead className="border-b border-line bg-slate-50">
                <tr>
                  {COLUMNS.map((column) => (
                    <th key={column} scope="col" className="px-3 py-2">
                      {t(`deliveries.columns.${column}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {deliveries.map((d) => (
                  <tr key={d.id} className="align-top" data-testid={`delivery-${d.id}`}>
                    <th scope="row" className="whitespace-nowrap px-3 py-2 text-start font-normal">
                      {t("deliveries.number", { id: d.id })}
                      {d.redeliveryOf !== null && (
                        <span className="block text-xs text-muted">
                          {t("deliveries.again", { id: d.redeliveryOf })}
                        </span>
                      )}
                    </th>
                    <td className="px-3 py-2">
                      <code className="text-xs">{d.event}</code>
                    </td>
                    <td className="px-3 py-2">
                      {d.claimId !== null ? (
                        <Link href={`/editor/claims/${d.claimId}`} className="text-accent underline">
                          {t("deliveries.claim", { id: d.claimId })}
                        </Link>
                      ) : (
                        "—"
                      )}
                    </td>
                    <td className="whitespace-nowrap px-3 py-2">{when(d.createdAt)}</td>
                    <td className="px-3 py-2">
                      <span className="font-medium">{t(`deliveries.state.${d.state}`)}</span>
                      {d.nextAttemptAt && (
                        <span className="block text-xs text-muted">
                          {t("deliveries.next", { at: when(d.nextAttemptAt) })}
                        </span>
                      )}
                    </td>
                    <td className="px-3 py-2">
                      <Attempts delivery={d} when={when} t={t} />
                    </td>
                    <td className="max-w-xs px-3 py-2">
                      {d.lastStatus !== null && (
                        <span className="block">{t("deliveries.status", { status: d.lastStatus })}</span>
                      )}
                      <LastWords delivery={d} />
                    </td>
                    <td className="px-3 py-2">
                      {webhook.active && (d.state === "delivered" || d.state === "dead") && (
                        <RedeliverButton deliveryId={d.id} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {pages > 1 && (
          <nav aria-label={t("deliveries.pages")} className="flex items-center gap-4 text-sm">
            {page > 1 && (
              <Link
                href={`/admin/webhooks/${webhook.id}?page=${Math.min(page - 1, pages)}`}
                className="text-accent underline"
              >
                {t("deliveries.newer")}
              </Link>
            )}
            <span className="text-muted">{t("deliveries.page", { page, pages })}</span>
            {page < pages && (
              <Link href={`/admin/webhooks/${webhook.id}?page=${page + 1}`} className="text-accent underline">
                {t("deliveries.older")}
              </Link>
            )}
          </nav>
        )}
      </section>
    </>
  );
}

/** The last attempt's error, else the start of the receiver's last answer. */
function LastWords({ delivery }: { delivery: DeliveryView }) {
  const last = delivery.attempts.at(-1);
  const words = delivery.lastError ?? last?.response;
  if (!words) return null;
  return <span className="block break-words text-xs text-muted">{words.slice(0, 300)}</span>;
}

/** How many attempts, and each one's time, duration, status and words, on demand. */
function Attempts({
  delivery,
  when,
  t,
}: {
  delivery: DeliveryView;
  when: (d: Date | null) => string;
  t: Awaited<ReturnType<typeof getTranslations<"admin.webhooks">>>;
}) {
  if (delivery.attempts.length === 0) return <>{t("deliveries.attempts", { n: 0 })}</>;
  return (
    <details>
      <summary className="cursor-pointer">{t("deliveries.attempts", { n: delivery.attempts.length })}</summary>
      <ol className="mt-1 space-y-1 text-xs">
        {delivery.attempts.map((a, i) => (
          <li key={i}>
            {t("deliveries.attempt", {
              at: when(a.at),
              ms: a.durationMs,
              status: a.status === null ? "none" : String(a.status),
            })}
            {(a.error ?? a.response) && (
              <span className="block break-words text-muted">{(a.error ?? a.response)!.slice(0, 500)}</span>
            )}
          </li>
        ))}
      </ol>
    </details>
  );
}
