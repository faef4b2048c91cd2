import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { RoleBadge } from "@/components/ui/role-badge";
import { requireUser } from "@/lib/auth/session";
import { NOTIFICATION_KINDS } from "@/db/enums";
import { getEnv } from "@/lib/config/env";
import { kindName } from "@/lib/notifications/words";
import { getNotificationPreferences } from "@/lib/services/notifications/preferences";
import { listOwnTokens } from "@/lib/services/tokens/list-tokens";
import { isExpired } from "@/lib/services/tokens/token-view";
import { LanguageForm } from "./language-form";
import { NotificationPreferencesForm } from "./notification-preferences-form";
import { PasswordForm } from "./password-form";
import { CreateTokenForm, RevokeTokenButton } from "./token-forms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk.account");
  return { title: t("title") };
}

export default async function AccountPage() {
  const user = await requireUser("/editor/account");
  const [tokens, preferences] = await Promise.all([listOwnTokens(user.actor), getNotificationPreferences(user.actor)]);
  const [t, format, say] = await Promise.all([getTranslations("desk.account"), getFormatter(), getTranslations()]);
  const kinds = NOTIFICATION_KINDS.map((kind) => ({ kind, label: kindName(kind).in(say) }));
  const when = (d: Date | null) => (d ? format.dateTime(d, "instant") : t("never"));
  return (
    <>
      <PageHeader title={t("title")}>
        {user.name} · {user.email} · <RoleBadge role={user.role} />
      </PageHeader>
      <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
        <section aria-labelledby="tokens-heading" className="space-y-4">
          <h2 id="tokens-heading" className="text-lg font-semibold">
            {t("tokens.heading")}
          </h2>
          <p className="text-sm text-muted">{t.rich("tokens.explained", { code: (c) => <code>{c}</code> })}</p>
          <div className="rounded-lg border border-line bg-white p-4">
            <CreateTokenForm />
          </div>
          {tokens.length === 0 ? (
            <p className="text-sm text-muted">{t("tokens.none")}</p>
          ) : (
            <table className="w-full rounded-lg border border-line bg-white text-start text-sm">
              <caption className="sr-only">{t("tokens.caption")}</caption>
              <thead className="border-b border-line bg-slate-50">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    {t("tokens.name")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("tokens.prefix")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("tokens.access")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("tokens.created")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("tokens.lastUsed")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("tokens.expires")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    <span className="sr-only">{t("tokens.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {tokens.map((token) => (
                  <tr key={token.id} data-testid={`token-row-${token.id}`}>
                    <td className="px-3 py-2 font-medium">{token.name}</td>
                    <td className="px-3 py-2 font-mono">{token.tokenPrefix}…</td>
                    <td className="px-3 py-2">{t("tokens.scope", { scope: token.scope })}</td>
                    <td className="px-3 py-2">{when(token.createdAt)}</td>
                    <td className="px-3 py-2">{when(token.lastUsedAt)}</td>
                    <td className="px-3 py-2">
                      {!token.revokedAt && isExpired(token) ? (
                        <span className="font-medium text-danger">
                          {t("tokens.expired", { when: when(token.expiresAt) })}
                        </span>
                      ) : (
                        when(token.expiresAt)
                      )}
                    </td>
                    <td className="px-3 py-2">
                      {token.revokedAt ? (
                        <span className="text-muted">{t("tokens.revoked", { when: when(token.revokedAt) })}</span>
                      ) : isExpired(token) ? null : (
                        <RevokeTokenButton tokenId={token.id} name={token.name} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <div className="space-y-8">
          <section aria-labelledby="language-heading" className="rounded-lg border border-line bg-white p-4">
            <h2 id="language-heading" className="mb-1 text-lg font-semibold">
              {t("language.heading")}
            </h2>
            <p className="mb-4 text-sm text-muted">{t("language.explained")}</p>
            <LanguageForm current={user.locale} />
          </section>
          <section aria-labelledby="password-heading" className="rounded-lg border border-line bg-white p-4">
            <h2 id="password-heading" className="mb-4 text-lg font-semibold">
              {t("password.heading")}
            </h2>
            <PasswordForm />
          </section>
        </div>
      </div>
      <section
        id="notifications"
        aria-labelledby="notifications-heading"
        className="mt-8 scroll-mt-4 space-y-3 rounded-lg border border-line bg-white p-4"
      >
        <h2 id="notifications-heading" className="text-lg font-semibold">
          {t("notifications.heading")}
        </h2>
        <p className="text-sm text-muted">
          {t("notifications.explained")} {getEnv().smtpUrl ? t("notifications.mailOn") : t("notifications.mailOff")}
        </p>
        <NotificationPreferencesForm kinds={kinds} current={preferences} />
      </section>
    </>
  );
}
