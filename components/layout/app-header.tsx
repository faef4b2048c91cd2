import Link from "next/link";
import { RoleBadge } from "@/components/ui/role-badge";
import { logout } from "@/lib/auth/actions";
import type { CurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";

/** The header of the logged-in app: navigation, the user and their role, sign-out. */
export function AppHeader({ user }: { user: CurrentUser }) {
  const links = [
    { href: "/editor", label: "Work queue" },
    { href: "/editor/documents", label: "Documents" },
    { href: "/editor/disputes", label: "Disputes" },
    { href: "/editor/claimants", label: "Claimants" },
    { href: "/editor/exports", label: "Exports" },
    { href: "/editor/fact-checks", label: "Known fact-checks" },
    { href: "/editor/account", label: "Account" },
    ...(can(user.role, "users:manage") ? [{ href: "/admin/users", label: "Users" }] : []),
    ...(can(user.role, "ratings:manage") ? [{ href: "/admin/rating-scale", label: "Rating scale" }] : []),
    { href: "/", label: "Public site" },
  ];
  return (
    <header role="banner" className="border-b border-line bg-white print:hidden">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/editor" className="font-serif text-xl font-semibold tracking-tight">
          Claimdesk
        </Link>
        <nav aria-label="Main" className="flex flex-1 flex-wrap gap-4 text-sm">
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
              Sign out
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
