import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NotificationList } from "@/components/notifications/notification-list";
import { PageHeader } from "@/components/ui/page-header";
import { parseId } from "@/db/ids";
import { requireUser } from "@/lib/auth/session";
import { notificationText } from "@/lib/notifications/words";
import { listNotifications } from "@/lib/services/notifications/inbox";
import { markReadAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk.notifications");
  return { title: t("title") };
}

/** Notifications a page. */
const PAGE = 30;

type Props = { searchParams: Promise<{ unread?: string | string[]; before?: string | string[] }> };

const path = (unreadOnly: boolean, before?: number) => {
  const query = new URLSearchParams();
  if (unreadOnly) query.set("unread", "1");
  if (before !== undefined) query.set("before", String(before));
  const qs = query.toString();
  return qs ? `/editor/notifications?${qs}` : "/editor/notifications";
};

/** The signed-in person's notifications, newest first, each in their language; all or unread only, 30 a page. */
export default async function NotificationsPage({ searchParams }: Props) {
  const params = await searchParams;
  const unreadOnly = params.unread === "1";
  const before = typeof params.before === "string" ? (parseId(params.before) ?? undefined) : undefined;
  const user = await requireUser(path(unreadOnly, before));
  const [t, say] = await Promise.all([getTranslations("desk.notifications"), getTranslations()]);
  // One more than a page tells whether there is an older page.
  const { items, unread } = await listNotifications(user.actor, {
    ...(unreadOnly ? { unread: true } : {}),
    ...(before !== undefined ? { before } : {}),
    limit: PAGE + 1,
  });
  const shown = items.slice(0, PAGE);
  const older = items.length > PAGE ? shown.at(-1)?.id : undefined;
  const rows = shown.map((n) => ({
    id: n.id,
    message: notificationText(n.kind, n.data).in(say),
    when: t("when", { at: n.createdAt }),
    at: n.createdAt.toISOString(),
    href: n.claimId !== null ? `/editor/claims/${n.claimId}` : null,
    unread: n.readAt === null,
  }));
  const filters = [
    { unreadOnly: false, label: t("filter.all") },
    { unreadOnly: true, label: t("filter.unread") },
  ];
  return (
    <>
      <PageHeader title={t("title")}>
        {t.rich("intro", {
          link: (chunks) => (
            <Link href="/editor/account#notifications" className="text-accent underline">
              {chunks}
            </Link>
          ),
        })}
      </PageHeader>
      <nav aria-label={t("filter.label")} className="mb-4">
        <ul className="flex flex-wrap gap-2 text-sm">
          {filters.map((f) => (
            <li key={String(f.unreadOnly)}>
              <Link
                href={path(f.unreadOnly)}
                aria-current={f.unreadOnly === unreadOnly && before === undefined ? "page" : undefined}
                className={`inline-block rounded-md border px-3 py-1.5 ${
                  f.unreadOnly === unreadOnly
                    ? "border-accent bg-accent font-semibold text-white"
                    : "border-line bg-white text-accent"
                }`}
              >
                {f.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-line bg-white px-4 py-3 text-sm text-muted">
          {before !== undefined ? t("noOlder") : unreadOnly ? t("noneUnread") : t("none")}
        </p>
      ) : (
        <NotificationList items={rows} unread={unread} markRead={markReadAction} />
      )}
      {(older !== undefined || before !== undefined) && (
        <nav aria-label={t("pages")} className="mt-4 flex gap-4 text-sm">
          {before !== undefined && (
            <Link href={path(unreadOnly)} className="text-accent underline">
              {t("newest")}
            </Link>
          )}
          {older !== undefined && (
            <Link href={path(unreadOnly, older)} className="text-accent underline">
              {t("older")}
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
