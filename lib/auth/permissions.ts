import type { Role } from "@/db/schema";

/**
 * Who may do what (DESIGN.md "Who uses it"). Pure: used by services to refuse, and by the
 * UI to show only what a user may do. Contributors work on content; editors also review,
 * publish and export drafts; admins also manage accounts and the rating scale.
 */
const PERMISSIONS = {
  "content:write": ["admin", "editor", "contributor"],
  "content:read-internal": ["admin", "editor", "contributor"],
  "tokens:own": ["admin", "editor", "contributor"],
  "account:own": ["admin", "editor", "contributor"],
  "verdicts:review": ["admin", "editor"],
  "exports:drafts": ["admin", "editor"],
  "fact-checks:import": ["admin", "editor"],
  "users:manage": ["admin"],
  "ratings:manage": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

const DESCRIPTIONS: Record<Permission, string> = {
  "content:write": "change claims, documents or evidence",
  "content:read-internal": "read unpublished work",
  "tokens:own": "manage API tokens",
  "account:own": "change this account",
  "verdicts:review": "review or publish what readers see",
  "exports:drafts": "export unpublished work",
  "fact-checks:import": "import known fact-checks",
  "users:manage": "manage user accounts",
  "ratings:manage": "manage the rating scale",
};

/** Whether a role holds a permission. */
export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** A human phrase for a permission, for refusal messages ("may not manage user accounts"). */
export function describePermission(permission: Permission): string {
  return DESCRIPTIONS[permission];
}
