import NextLink from "next/link";
import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { LanguageSwitcher } from "./language-switcher";

/**
 * The header of public pages (no session is read, so these pages stay cacheable) and of the sign-in page, which has no
 * versions in other languages to switch to: it speaks the reader's.
 */
export async function PublicHeader({ switcher = true }: { switcher?: boolean }) {
  const t = await getTranslations("public.header");
  return (
    <header role="banner" className="border-b border-line bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="font-serif text-xl font-semibold tracking-tight">
          Claimdesk
        </Link>
        <nav aria-label={t("site")} className="flex gap-5 text-sm">
          <Link href="/claims" className="hover:underline">
            {t("claims")}
          </Link>
          <Link href="/methodology" className="hover:underline">
            {t("methodology")}
          </Link>
          <Link href="/corrections" className="hover:underline">
            {t("corrections")}
          </Link>
          {/* The desk has no locale in its address: it speaks the account's language. */}
          <NextLink href="/login" className="text-accent hover:underline">
            {t("signIn")}
          </NextLink>
        </nav>
        {switcher && <LanguageSwitcher />}
      </div>
    </header>
  );
}
