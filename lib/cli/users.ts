import { getDb } from "@/db/client";
import { findUserByEmail } from "@/db/queries/users";
import { systemActor } from "@/lib/auth/actor";
import { clearLoginFailures } from "@/lib/services/auth/authenticate";
import { ServiceError } from "@/lib/services/errors";
import { createUser } from "@/lib/services/users/create-user";
import { listUsers } from "@/lib/services/users/list-users";
import { updateUser } from "@/lib/services/users/update-user";
import { parseOptions } from "./args";
import { UsageError } from "./errors";

const USAGE = `user add --email E --name N --role admin|editor|contributor [--password P]
user list
user disable --email E
user enable --email E
user role --email E --role R
user unlock --email E | --address A`;

/** `cli user …`: account management from the command line (acts as the operator, with admin rights). */
export async function runUserCommand(args: string[], out: (line: string) => void): Promise<void> {
  const [sub, ...rest] = args;
  const actor = systemActor();
  if (sub === "add") {
    const values = parseOptions(rest, { email: "string", name: "string", role: "string", password: "string" });
    const { user, temporaryPassword } = await createUser(actor, values);
    out(`Created ${user.role} ${user.email} (id ${user.id}).`);
    if (temporaryPassword) out(`Temporary password (shown once): ${temporaryPassword}`);
    return;
  }
  if (sub === "list") {
    parseOptions(rest, {});
    for (const u of await listUsers(actor)) {
      out(
        [
          String(u.id).padStart(4),
          u.role.padEnd(11),
          u.disabled ? "disabled" : "active  ",
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
    out(`${user.email}: ${user.disabled ? "disabled" : "active"}, ${user.role}.`);
    return;
  }
  if (sub === "unlock") {
    const { email, address } = parseOptions(rest, { email: "string", address: "string" });
    if (!email === !address) throw new UsageError("give exactly one of --email E or --address A");
    if (email) await findUserId(email);
    const cleared = await clearLoginFailures(email ? { email } : { address: address! });
    out(`${email ?? address}: sign-in unlocked (${cleared} recent failure${cleared === 1 ? "" : "s"} cleared).`);
    return;
  }
  throw new UsageError(`unknown command 'user ${sub ?? ""}'. Usage:\n${USAGE}`);
}

/** The id of the account with this email; a missing email is a usage error, an unknown one not found. */
async function findUserId(email: string | undefined): Promise<number> {
  if (!email) throw new UsageError("--email is required");
  const user = await findUserByEmail(getDb(), email);
  if (!user) throw new ServiceError("not_found", `No account with email ${email}.`);
  return user.id;
}
