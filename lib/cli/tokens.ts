import { systemActor } from "@/lib/auth/actor";
import { isServiceError } from "@/lib/services/errors";
import { createApiToken, TOKEN_DAYS } from "@/lib/services/tokens/create-token";
import { revokeApiToken } from "@/lib/services/tokens/revoke-token";
import { formatInstant } from "@/lib/services/tokens/token-view";
import { UsageError } from "./errors";
import { parseOptions } from "./args";

const USAGE = `token create --email E [--name label] [--scope read|write] [--expires Nd | --expires YYYY-MM-DD]
  --scope    read (the default): GET requests only; write: anything the account may do
  --expires  a number of days from 1d to ${TOKEN_DAYS.max}d (default ${TOKEN_DAYS.default}d), or the day it stops working
             (at 00:00 UTC), within a year
token revoke --id N | --token T`;

/** The service's field for each option, to name a refused value by the option the operator typed. */
const OPTION_OF: Record<string, string> = {
  forEmail: "--email",
  name: "--name",
  scope: "--scope",
  expiresInDays: "--expires",
  expiresOn: "--expires",
};

/** `--expires 30d` (days) or `--expires 2027-03-01` (the day it stops): the service checks the bounds. */
function parseExpires(value: string | undefined): { expiresInDays?: number; expiresOn?: string } {
  if (value === undefined) return {};
  const days = /^(\d{1,6})d$/i.exec(value);
  if (days) return { expiresInDays: Number(days[1]) };
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return { expiresOn: value };
  throw new UsageError(`--expires takes a number of days (30d) or a date (YYYY-MM-DD), not '${value}'`);
}

/**
 * `cli token …`: create (prints the token once) and revoke personal API tokens. The command line is, with a
 * signed-in session, the only way to create a token (a token cannot create one); it may create one for any active
 * account. A refused option value is a usage error naming the option (exit code 2).
 */
export async function runTokenCommand(args: string[], out: (line: string) => void): Promise<void> {
  const [sub, ...rest] = args;
  const actor = systemActor();
  if (sub === "create") {
    const values = parseOptions(rest, { email: "string", name: "string", scope: "string", expires: "string" });
    if (!values.email) throw new UsageError("--email is required");
    let created: Awaited<ReturnType<typeof createApiToken>>;
    try {
      created = await createApiToken(actor, {
        forEmail: values.email,
        ...(values.name ? { name: values.name } : {}),
        ...(values.scope !== undefined ? { scope: values.scope } : {}),
        ...parseExpires(values.expires),
      });
    } catch (e) {
      const issue = isServiceError(e, "validation_failed") ? e.issues?.find((i) => i.path in OPTION_OF) : undefined;
      if (issue) throw new UsageError(`${OPTION_OF[issue.path]}: ${issue.message}. Usage:\n${USAGE}`);
      throw e;
    }
    const { token, record } = created;
    out(token);
    out(
      `(token id ${record.id}, "${record.name}", for ${values.email}, scope ${record.scope}, ` +
        `expires ${formatInstant(record.expiresAt)}; shown once, store it now)`,
    );
    return;
  }
  if (sub === "revoke") {
    const values = parseOptions(rest, { id: "string", token: "string" });
    if (!values.id === !values.token) throw new UsageError("give exactly one of --id N or --token T");
    const record = await revokeApiToken(actor, values.id ? { tokenId: values.id } : { token: values.token });
    out(`Revoked token ${record.id} ("${record.name}", ${record.tokenPrefix}…).`);
    return;
  }
  throw new UsageError(`unknown command 'token ${sub ?? ""}'. Usage:\n${USAGE}`);
}
