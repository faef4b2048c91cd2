import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { safeReturnPath } from "@/lib/auth/return-path";
import { getCurrentUser } from "@/lib/auth/session";
import { LoginForm } from "./login-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk.login");
  return { title: t("title"), robots: { index: false } };
}

/** The notices a `?notice=` may ask for, by their message's key. */
const NOTICES: Record<string, "passwordChanged"> = {
  "password-changed": "passwordChanged",
};

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; notice?: string }>;
}) {
  const { callbackUrl, notice } = await searchParams;
  const returnTo = safeReturnPath(callbackUrl);
  if (await getCurrentUser()) redirect(returnTo);
  const t = await getTranslations("desk.login");
  const noticeKey = notice && Object.hasOwn(NOTICES, notice) ? NOTICES[notice] : undefined;
  return (
    <div className="mx-auto mt-16 max-w-sm rounded-lg border border-line bg-white p-6 shadow-sm">
      <h1 className="mb-1 font-serif text-2xl font-semibold">{t("title")}</h1>
      <p className="mb-6 text-sm text-muted">{t("intro")}</p>
      {noticeKey && (
        <div className="mb-4">
          <Alert tone="success">{t(`notices.${noticeKey}`)}</Alert>
        </div>
      )}
      <LoginForm callbackUrl={returnTo} />
    </div>
  );
}
