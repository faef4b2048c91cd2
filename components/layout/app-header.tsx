import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { RoleBadge } from "@/components/ui/role-badge";
import { logout } from "@/lib/auth/actions";
import type { CurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { unreadCount } from "@/lib/services/notifications/inbox";

/** The header of the logged-in app: navigation, the bell with the unread count, the user and their role, sign-out. */
export async function AppHeader({ user }: { user: CurrentUser }) {
  const t = await getTranslations("desk.header");
  const unread = await unreadCount(user.id);
  const links = [
    { href: "/editor", label: t("workQueue") },
    { href: "/editor/claims", label: t("claims") },
    { href: "/editor/documents", label: t("documents") },
    { href: "/editor/disputes", label: t("disputes") },
    { href: "/editor/claimants", label: t("claimants") },
    { href: "/editor/exports", label: t("exports") },
    { href: "/editor/fact-checks", label: t("factChecks") },
    { href: "/editor/account", label: t("account") },
    ...(can(user.role, "users:manage") ? [{ href: "/admin/users", label: t("users") }] : []),
    ...(can(user.role, "ratings:manage") ? [{ href: "/admin/rating-scale", label: t("ratingScale") }] : []),
    ...(can(user.role, "webhooks:manage") ? [{ href: "/admin/webhooks", label: t("webhooks") }] : []),
    { href: "/", label: t("publicSite") },
  ];
  return (
    <header role="banner" className="border-b border-line bg-white print:hidden">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/editor" className="font-serif text-xl font-semibold tracking-tight">
          Claimdesk
        </Link>
        <nav aria-label={t("main")} className="flex flex-1 flex-wrap gap-4 text-sm">
          {links.map((l) => (
            <Link key={l.href} href={l.href} className="text-ink hover:text-accent hover:underline">
              {l.label}
            </Link>
          ))}
        </nav>
        <div className="flex items-center gap-3 text-sm">
          <Link
            href="/editor/notifications"
            aria-label={t("bell", { count: unread })}
            className="inline-flex items-center gap-1 text-ink hover:text-accent hover:underline"
            data-testid="bell"
          >
            <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" fill="currentColor">
              <path d="M10 2a5 5 0 0 0-5 5v3.6L3.3 13.5A1 1 0 0 0 4.2 15h11.6a1 1 0 0 0 .9-1.5L15 10.6V7a5 5 0 0 0-5-5Zm-2 14a2 2 0 0 0 4 0H8Z" />
            </svg>
            {t("notifications")}
            {unread > 0 && (
              <span
                aria-hidden="true"
                className="min-w-5 rounded-full bg-danger px-1.5 text-center text-xs font-semibold text-white"
                data-testid="bell-count"
              >
                {unread}
              </span>
            )}
          </Link>
          <span data-testid="current-user">
            {user.name} <RoleBadge role={user.role} />
          </span>
          <form action={logout}>
            <button type="submit" className="text-accent underline underline-offset-2 hover:text-accent-strong">
              {t("signOut")}
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
