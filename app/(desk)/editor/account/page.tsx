import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { RoleBadge } from "@/components/ui/role-badge";
import { requireUser } from "@/lib/auth/session";
import { listOwnTokens } from "@/lib/services/tokens/list-tokens";
import { formatInstant, isExpired } from "@/lib/services/tokens/token-view";
import { PasswordForm } from "./password-form";
import { CreateTokenForm, RevokeTokenButton } from "./token-forms";

export const metadata: Metadata = { title: "Account & API tokens" };

const when = (d: Date | null) => (d ? formatInstant(d) : "never");

export default async function AccountPage() {
  const user = await requireUser("/editor/account");
  const tokens = await listOwnTokens(user.actor);
  return (
    <>
      <PageHeader title="Account & API tokens">
        {user.name} · {user.email} · <RoleBadge role={user.role} />
      </PageHeader>
      <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
        <section aria-labelledby="tokens-heading" className="space-y-4">
          <h2 id="tokens-heading" className="text-lg font-semibold">
            API tokens
          </h2>
          <p className="text-sm text-muted">
            A program sends a token as <code>Authorization: Bearer &lt;token&gt;</code> to <code>/api/v1/…</code> and
            acts with your role. A read-only token may only read (GET requests); a read and write token may change
            anything your role allows. Tokens expire (after 90 days unless you choose otherwise), and changing your
            password revokes them all. Claimdesk stores only a hash of each token.
          </p>
          <div className="rounded-lg border border-line bg-white p-4">
            <CreateTokenForm />
          </div>
          {tokens.length === 0 ? (
            <p className="text-sm text-muted">You have no tokens.</p>
          ) : (
            <table className="w-full rounded-lg border border-line bg-white text-left text-sm">
              <caption className="sr-only">Your API tokens</caption>
              <thead className="border-b border-line bg-slate-50">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    Name
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Starts with
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Access
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Created
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Last used
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Expires
                  </th>
                  <th scope="col" className="px-3 py-2">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {tokens.map((t) => (
                  <tr key={t.id} data-testid={`token-row-${t.id}`}>
                    <td className="px-3 py-2 font-medium">{t.name}</td>
                    <td className="px-3 py-2 font-mono">{t.tokenPrefix}…</td>
                    <td className="px-3 py-2">{t.scope === "read" ? "read only" : "read and write"}</td>
                    <td className="px-3 py-2">{when(t.createdAt)}</td>
                    <td className="px-3 py-2">{when(t.lastUsedAt)}</td>
                    <td className="px-3 py-2">
                      {!t.revokedAt && isExpired(t) ? (
                        <span className="font-medium text-danger">expired {when(t.expiresAt)}</span>
                      ) : (
                        when(t.expiresAt)
                      )}
                    </td>
                    <td className="px-3 py-2">
                      {t.revokedAt ? (
                        <span className="text-muted">revoked {when(t.revokedAt)}</span>
                      ) : isExpired(t) ? null : (
                        <RevokeTokenButton tokenId={t.id} name={t.name} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section aria-labelledby="password-heading" className="rounded-lg border border-line bg-white p-4">
          <h2 id="password-heading" className="mb-4 text-lg font-semibold">
            Password
          </h2>
          <PasswordForm />
        </section>
      </div>
    </>
  );
}
