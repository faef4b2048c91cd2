import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { systemActor } from "@/lib/auth/actor";
import { ServiceError } from "@/lib/services/errors";
import { createUser } from "@/lib/services/users/create-user";
import { listUsers } from "@/lib/services/users/list-users";
import { updateUser } from "@/lib/services/users/update-user";
import { UsageError } from "./errors";

const USAGE = `user add --email E --name N --role admin|editor|contributor [--password P]
user list
user disable --email E
user enable --email E
user role --email E --role R`;

/** `cli user …`: account management from the command line (acts as the operator, with admin rights). */
export async function runUserCommand(args: string[], out: (line: string) => void): Promise<void> {
  const [sub, ...rest] = args;
  const actor = systemActor();
  if (sub === "add") {
    const { values } = parse(rest, { email: "string", name: "string", role: "string", password: "string" });
    const { user, temporaryPassword } = await createUser(actor, values);
    out(`Created ${user.role} ${user.email} (id ${user.id}).`);
    if (temporaryPassword) out(`Temporary password (shown once): ${temporaryPassword}`);
    return;
  }
  if (sub === "list") {
    parse(rest, {});
    for (const u of listUsers(actor)) {
      out([String(u.id).padStart(4), u.role.padEnd(11), u.disabled ? "disabled" : "active  ", u.email, `(${u.name})`].join("  "));
    }
    return;
  }
  if (sub === "disable" || sub === "enable" || sub === "role") {
    const { values } = parse(rest, sub === "role" ? { email: "string", role: "string" } : { email: "string" });
    const user = updateUser(actor, {
      userId: findUserId(values.email),
      ...(sub === "role" ? { role: values.role } : { disabled: sub === "disable" }),
    });
    out(`${user.email}: ${user.disabled ? "disabled" : "active"}, ${user.role}.`);
    return;
  }
  throw new UsageError(`unknown command 'user ${sub ?? ""}'. Usage:\n${USAGE}`);
}

/** The id of the account with this email; a missing or unknown email is a usage error. */
export function findUserId(email: string | undefined): number {
  if (!email) throw new UsageError("--email is required");
  const row = getDb().select({ id: users.id }).from(users).where(eq(users.email, email.trim().toLowerCase())).get();
  if (!row) throw new ServiceError("not_found", `No account with email ${email}.`);
  return row.id;
}

type Spec = Record<string, "string">;

/** Parses `--name value` options strictly: an unknown option or a stray argument is a usage error. */
export function parse<S extends Spec>(args: string[], spec: S): { values: { [K in keyof S]?: string } } {
  try {
    const options = Object.fromEntries(Object.keys(spec).map((k) => [k, { type: "string" as const }]));
    const { values } = parseArgs({ args, options, strict: true, allowPositionals: false });
    return { values: values as { [K in keyof S]?: string } };
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}
