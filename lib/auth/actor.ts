import { eq } from "drizzle-orm";
import type { DB, Tx } from "@/db/client";
import type { TokenScope } from "@/db/enums";
import { users, type Role } from "@/db/schema";
import { text } from "@/lib/i18n/text";
import { ServiceError } from "@/lib/services/errors";
import { can, refusalFor, type Permission } from "./permissions";

/**
 * The API token a request came with: which one, and what it may do. A `read` token may only make safe requests
 * (GET, HEAD, OPTIONS), checked for every API request before its body is read (`getRequestActor`).
 */
export type ActorToken = { id: number; scope: TokenScope };

/**
 * Who is calling a service: a signed-in user (by id; role and status are read from the
 * database on every call, so a role change or a disabled account takes effect at once),
 * or the operator at the command line. `null` is an anonymous caller. A user who came with
 * an API token carries it (`token`); a signed-in session carries none. Services that a
 * token must not reach (creating tokens) refuse an actor with a token.
 */
export type Actor = { kind: "user"; userId: number; token?: ActorToken } | { kind: "system"; label: string };

/** The API token the caller came with, or null (a session, the command line, anonymous). */
export function tokenOf(actor: Actor | null): ActorToken | null {
  return actor?.kind === "user" ? (actor.token ?? null) : null;
}

/** The caller, checked: an active user with their current role, or the system. */
export type ActingUser = { id: number | null; role: Role; name: string; label: string };

/** The command-line operator: has the admin role, recorded in audit events as `label`. */
export function systemActor(label = "cli"): Actor {
  return { kind: "system", label };
}

/** Loads the caller and checks it holds `permission`; throws 401 or 403 otherwise. */
export async function authorize(db: DB | Tx, actor: Actor | null, permission: Permission): Promise<ActingUser> {
  if (!actor) throw new ServiceError("unauthenticated", text("errors.api.unauthenticated"));
  if (actor.kind === "system") return { id: null, role: "admin", name: actor.label, label: actor.label };
  const [user] = await db
    .select({ id: users.id, role: users.role, name: users.name, email: users.email, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, actor.userId))
    .limit(1);
  if (!user || user.disabledAt) throw new ServiceError("unauthenticated", text("errors.permissions.accountGone"));
  if (!can(user.role, permission)) {
    throw new ServiceError("forbidden", refusalFor(user.role, permission));
  }
  return { id: user.id, role: user.role, name: user.name, label: user.email };
}

/** Like `authorize`, for actions on one's own account: the command line has none. */
export async function authorizeAccount(
  db: DB | Tx,
  actor: Actor | null,
  permission: Permission = "account:own",
): Promise<ActingUser & { id: number }> {
  const who = await authorize(db, actor, permission);
  if (who.id === null) throw new ServiceError("bad_request", text("errors.permissions.noOwnAccount"));
  return { ...who, id: who.id };
}
