import { describe, expect, it } from "vitest";
import { ROLES } from "@/db/enums";
import { can, type Permission } from "@/lib/auth/permissions";

// The README's roles, as a table: every role × every permission.
const EXPECTED: Record<Permission, string[]> = {
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
};

describe("can", () => {
  const cases = Object.entries(EXPECTED).flatMap(([permission, allowed]) =>
    ROLES.map((role) => ({ role, permission: permission as Permission, allowed: allowed.includes(role) })),
  );
  it.each(cases)("$role → $permission should be $allowed", ({ role, permission, allowed }) => {
    expect(can(role, permission)).toBe(allowed);
  });
});
