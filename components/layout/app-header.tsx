import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { RoleBadge } from "@/components/ui/role-badge";
import { logout } from "@/lib/auth/actions";
import type { CurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";

/** The header of the logged-in app: navigation, the user and their role, sign-out. */
export async function AppHeader({ user }: { user: CurrentUser }) {
  const t = await getTranslations("desk.header");
  const links = [
    { href: "/editor", label: t("workQueue") },
    { href: "/editor/documents", label: t("documents") },
    { href: "/editor/disputes", label: t("disputes") },
    { href: "/editor/claimants", label: t("claimants") },
    { href: "/editor/exports", label: t("exports") },
    { href: "/editor/fact-checks", label: t("factChecks") },
    { href: "/editor/account", label: t("account") },
    ...(can(user.role, "users:manage") ? [{ href: "/admin/users", label: t("users") }] : []),
    ...(can(user.role, "ratings:manage") ? [{ href: "/admin/rating-scale", label: t("ratingScale") }] : []),
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
