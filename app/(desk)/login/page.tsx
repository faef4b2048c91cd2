import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { safeReturnPath } from "@/lib/auth/return-path";
import { getCurrentUser } from "@/lib/auth/session";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

const NOTICES: Record<string, string> = {
  "password-changed": "Your password was changed. Sign in with the new one.",
};

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; notice?: string }>;
}) {
  const { callbackUrl, notice } = await searchParams;
  const returnTo = safeReturnPath(callbackUrl);
  if (await getCurrentUser()) redirect(returnTo);
  return (
    <div className="mx-auto mt-16 max-w-sm rounded-lg border border-line bg-white p-6 shadow-sm">
      <h1 className="mb-1 font-serif text-2xl font-semibold">Sign in</h1>
      <p className="mb-6 text-sm text-muted">For editors and contributors of the fact-checking desk.</p>
      {notice && NOTICES[notice] && (
        <div className="mb-4">
          <Alert tone="success">{NOTICES[notice]}</Alert>
        </div>
      )}
      <LoginForm callbackUrl={returnTo} />
    </div>
  );
}
