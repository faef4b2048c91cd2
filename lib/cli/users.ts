import { getDb } from "@/db/client";
import { text } from "@/lib/i18n/text";
import { ROLES } from "@/db/enums";
import { findUserByEmail } from "@/db/queries/users";
import { systemActor } from "@/lib/auth/actor";
import { translatorFor } from "@/lib/i18n/catalogue";
import { clearLoginFailures } from "@/lib/services/auth/authenticate";
import { ServiceError } from "@/lib/services/errors";
import { createUser } from "@/lib/services/users/create-user";
import { listUsers } from "@/lib/services/users/list-users";
import { updateUser } from "@/lib/services/users/update-user";
import { parseOptions } from "./args";
import { UsageError } from "./errors";
import { cliLocale, widest } from "./locale";

const USAGE = `user add --email E --name N --role admin|editor|contributor [--password P]
user list
user disable --email E
user enable --email E
user role --email E --role R
user unlock --email E | --address A`;

/** `cli user …`: account management from the command line (acts as the operator, with admin rights). */
export async function runUserCommand(args: string[], out: (line: string) => void): Promise<void> {
  const t = await translatorFor(cliLocale());
  const role = (r: (typeof ROLES)[number]) => t(`common.roles.name.${r}`);
  const state = (disabled: boolean) => t("cli.users.state", { state: disabled ? "disabled" : "active" });
  const [sub, ...rest] = args;
  const actor = systemActor();
  if (sub === "add") {
    const values = parseOptions(rest, { email: "string", name: "string", role: "string", password: "string" });
    const { user, temporaryPassword } = await createUser(actor, values);
    out(t("cli.users.created", { role: role(user.role), email: user.email, id: String(user.id) }));
    if (temporaryPassword) out(t("cli.users.temporaryPassword", { password: temporaryPassword }));
    return;
  }
  if (sub === "list") {
    parseOptions(rest, {});
    const roleWidth = widest(ROLES.map(role));
    const stateWidth = widest([state(true), state(false)]);
    for (const u of await listUsers(actor)) {
      out(
        [
          String(u.id).padStart(4),
          role(u.role).padEnd(roleWidth),
          state(u.disabled).padEnd(stateWidth),
          u.email,
          `(${u.name})`,
        ].join("  "),
      );
    }
    return;
  }
  if (sub === "disable" || sub === "enable" || sub === "role") {
    const values: { email?: string; role?: string } = parseOptions(
      rest,
      sub === "role" ? { email: "string", role: "string" } : { email: "string" },
    );
    const user = await updateUser(actor, {
      userId: await findUserId(values.email),
      ...(sub === "role" ? { role: values.role } : { disabled: sub === "disable" }),
    });
    out(t("cli.users.updated", { email: user.email, state: state(user.disabled), role: role(user.role) }));
    return;
  }
  if (sub === "unlock") {
    const { email, address } = parseOptions(rest, { email: "string", address: "string" });
    if (!email === !address) throw new UsageError(t("cli.users.emailOrAddress"));
    if (email) await findUserId(email);
    const cleared = await clearLoginFailures(email ? { email } : { address: address! });
    out(t("cli.users.unlocked", { who: email ?? address!, cleared }));
    return;
  }
  throw new UsageError(t("cli.common.unknownCommand", { command: `user ${sub ?? ""}`, usage: USAGE }));
}

/** The id of the account with this email; a missing email is a usage error, an unknown one not found. */
async function findUserId(email: string | undefined): Promise<number> {
  const t = await translatorFor(cliLocale());
  if (!email) throw new UsageError(t("cli.common.emailRequired"));
  const user = await findUserByEmail(getDb(), email);
  if (!user) throw new ServiceError("not_found", text("cli.users.noAccount", { email }));
  return user.id;
}
