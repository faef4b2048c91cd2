import type { Role } from "@/db/schema";
import { text, type Text } from "@/lib/i18n/text";

/**
 * Who may do what (the README's roles). Pure: used by services to refuse, and by the
 * UI to show only what a user may do. Contributors work on content (and may take an unassigned claim);
 * editors also review, publish, assign claims and export drafts; admins also manage accounts, the rating scale and
 * webhooks.
 */
const PERMISSIONS = {
  "content:write": ["admin", "editor", "contributor"],
  "content:read-internal": ["admin", "editor", "contributor"],
  "tokens:own": ["admin", "editor", "contributor"],
  "account:own": ["admin", "editor", "contributor"],
  "verdicts:review": ["admin", "editor"],
  "claims:assign": ["admin", "editor"],
  "exports:drafts": ["admin", "editor"],
  "fact-checks:import": ["admin", "editor"],
  "users:manage": ["admin"],
  "ratings:manage": ["admin"],
  "webhooks:manage": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** Each permission's name in the catalogue's messages (`errors.permissions.forbidden` says what it lets one do). */
const NAMES = {
  "content:write": "contentWrite",
  "content:read-internal": "readInternal",
  "tokens:own": "ownTokens",
  "account:own": "ownAccount",
  "verdicts:review": "reviewVerdicts",
  "claims:assign": "assignClaims",
  "exports:drafts": "exportDrafts",
  "fact-checks:import": "importFactChecks",
  "users:manage": "manageUsers",
  "ratings:manage": "manageRatings",
  "webhooks:manage": "manageWebhooks",
} as const satisfies Record<Permission, string>;

/** Whether a role holds a permission. */
export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** A refusal for lack of a permission, in words: "Your role (contributor) may not manage user accounts." */
export function refusalFor(role: Role, permission: Permission): Text {
  return text("errors.permissions.forbidden", { role, permission: NAMES[permission] });
}
