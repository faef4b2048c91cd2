import Link from "next/link";

/** The header of public pages: no session is read, so these pages stay cacheable. */
export function PublicHeader() {
  return (
    <header role="banner" className="border-b border-line bg-white">
      <div className="mx-auto flex max-w-5xl items-center justify-between px-4 py-3">
        <Link href="/" className="font-serif text-xl font-semibold tracking-tight">
          Claimdesk
        </Link>
        <nav aria-label="Site" className="flex gap-5 text-sm">
          <Link href="/claims" className="hover:underline">
            Claims
          </Link>
          <Link href="/methodology" className="hover:underline">
            Methodology
          </Link>
          <Link href="/corrections" className="hover:underline">
            Corrections
          </Link>
          <Link href="/login" className="text-accent hover:underline">
            Editors sign in
          </Link>
        </nav>
      </div>
    </header>
  );
}
