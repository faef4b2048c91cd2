import { systemActor } from "@/lib/auth/actor";
import { createApiToken } from "@/lib/services/tokens/create-token";
import { revokeApiToken } from "@/lib/services/tokens/revoke-token";
import { UsageError } from "./errors";
import { parseOptions } from "./args";

const USAGE = `token create --email E [--name label]
token revoke --id N | --token T`;

/** `cli token …`: create (prints the token once) and revoke personal API tokens. */
export async function runTokenCommand(args: string[], out: (line: string) => void): Promise<void> {
  const [sub, ...rest] = args;
  const actor = systemActor();
  if (sub === "create") {
    const values = parseOptions(rest, { email: "string", name: "string" });
    if (!values.email) throw new UsageError("--email is required");
    const { token, record } = await createApiToken(actor, {
      forEmail: values.email,
      ...(values.name ? { name: values.name } : {}),
    });
    out(token);
    out(`(token id ${record.id}, "${record.name}", for ${values.email}; shown once, store it now)`);
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
