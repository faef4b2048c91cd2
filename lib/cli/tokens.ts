import { systemActor } from "@/lib/auth/actor";
import { translatorFor } from "@/lib/i18n/catalogue";
import { isServiceError } from "@/lib/services/errors";
import { createApiToken, TOKEN_DAYS } from "@/lib/services/tokens/create-token";
import { revokeApiToken } from "@/lib/services/tokens/revoke-token";
import { formatInstant } from "@/lib/services/tokens/token-view";
import { UsageError } from "./errors";
import { parseOptions } from "./args";
import { cliLocale } from "./locale";

/** The service's field for each option, to name a refused value by the option the operator typed. */
const OPTION_OF: Record<string, string> = {
  forEmail: "--email",
  name: "--name",
  scope: "--scope",
  expiresInDays: "--expires",
  expiresOn: "--expires",
};

/** `--expires 30d` (days) or `--expires 2027-03-01` (the day it stops): the service checks the bounds. */
async function parseExpires(value: string | undefined): Promise<{ expiresInDays?: number; expiresOn?: string }> {
  if (value === undefined) return {};
  const days = /^(\d{1,6})d$/i.exec(value);
  if (days) return { expiresInDays: Number(days[1]) };
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return { expiresOn: value };
  const t = await translatorFor(cliLocale());
  throw new UsageError(t("cli.tokens.badExpires", { value }));
}

/**
 * `cli token …`: create (prints the token once) and revoke personal API tokens. The command line is, with a
 * signed-in session, the only way to create a token (a token cannot create one); it may create one for any active
 * account. A refused option value is a usage error naming the option (exit code 2).
 */
export async function runTokenCommand(args: string[], out: (line: string) => void): Promise<void> {
  const t = await translatorFor(cliLocale());
  const usage = t("cli.tokens.usage", { max: TOKEN_DAYS.max, default: TOKEN_DAYS.default });
  const [sub, ...rest] = args;
  const actor = systemActor();
  if (sub === "create") {
    const values = parseOptions(rest, { email: "string", name: "string", scope: "string", expires: "string" });
    if (!values.email) throw new UsageError(t("cli.common.emailRequired"));
    let created: Awaited<ReturnType<typeof createApiToken>>;
    try {
      created = await createApiToken(actor, {
        forEmail: values.email,
        ...(values.name ? { name: values.name } : {}),
        ...(values.scope !== undefined ? { scope: values.scope } : {}),
        ...(await parseExpires(values.expires)),
      });
    } catch (e) {
      const issue = isServiceError(e, "validation_failed") ? e.issues?.find((i) => i.path in OPTION_OF) : undefined;
      if (issue) {
        throw new UsageError(
          t("cli.tokens.refused", { option: OPTION_OF[issue.path]!, problem: issue.message, usage }),
        );
      }
      throw e;
    }
    const { token, record } = created;
    out(token);
    out(
      t("cli.tokens.created", {
        id: String(record.id),
        name: record.name,
        email: values.email,
        scope: record.scope,
        expires: formatInstant(record.expiresAt),
      }),
    );
    return;
  }
  if (sub === "revoke") {
    const values = parseOptions(rest, { id: "string", token: "string" });
    if (!values.id === !values.token) throw new UsageError(t("cli.tokens.idOrToken"));
    const record = await revokeApiToken(actor, values.id ? { tokenId: values.id } : { token: values.token });
    out(t("cli.tokens.revoked", { id: String(record.id), name: record.name, prefix: record.tokenPrefix }));
    return;
  }
  throw new UsageError(t("cli.common.unknownCommand", { command: `token ${sub ?? ""}`, usage }));
}
