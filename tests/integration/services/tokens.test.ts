import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { apiTokens, auditEvents } from "@/db/schema";
import { systemActor, type Actor } from "@/lib/auth/actor";
import { hashApiToken } from "@/lib/auth/api-token";
import { verifyApiToken } from "@/lib/services/auth/verify-api-token";
import { createApiToken } from "@/lib/services/tokens/create-token";
import { listOwnTokens } from "@/lib/services/tokens/list-tokens";
import { revokeApiToken } from "@/lib/services/tokens/revoke-token";
import { updateUser } from "@/lib/services/users/update-user";
import { createTestDb, insertUser } from "../../support/db";

let t: ReturnType<typeof createTestDb>;
let admin: Actor & { userId: number };
let contributor: Actor & { userId: number };

beforeEach(async () => {
  t = createTestDb();
  admin = await insertUser(t.db, "admin@example.org", "admin");
  contributor = await insertUser(t.db, "c@example.org", "contributor");
});
afterEach(() => t.close());

describe("API tokens", () => {
  it("should store only a hash of the token, and audit its creation without the secret", () => {
    const { token, record } = createApiToken(contributor, { name: "CMS" });
    expect(token).toMatch(/^cdk_[A-Za-z0-9_-]{43}$/);
    const row = t.db.select().from(apiTokens).where(eq(apiTokens.id, record.id)).get()!;
    expect(row.tokenHash).toBe(hashApiToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.tokenPrefix).toBe(token.slice(0, 8));
    const events = t.db.select().from(auditEvents).all();
    expect(events.map((e) => e.action)).toEqual(["token.create"]);
    expect(JSON.stringify(events)).not.toContain(token);
    expect(JSON.stringify(events)).not.toContain(row.tokenHash);
  });

  it("should verify a live token as its owner and record when it was used", () => {
    const { token, record } = createApiToken(contributor, { name: "CMS" });
    expect(verifyApiToken(token)).toEqual({ kind: "user", userId: contributor.userId });
    expect(listOwnTokens(contributor)[0]!.lastUsedAt).toBeInstanceOf(Date);
    expect(listOwnTokens(contributor).map((r) => r.id)).toEqual([record.id]);
    expect(listOwnTokens(admin)).toEqual([]);
  });

  it("should reject unknown, malformed and revoked tokens", () => {
    const { token, record } = createApiToken(contributor, {});
    expect(verifyApiToken(token + "x")).toBeNull();
    expect(verifyApiToken("Bearer " + token)).toBeNull();
    expect(verifyApiToken("")).toBeNull();
    revokeApiToken(contributor, { tokenId: record.id });
    expect(verifyApiToken(token)).toBeNull();
    expect(
      t.db
        .select()
        .from(auditEvents)
        .all()
        .map((e) => e.action),
    ).toEqual(["token.create", "token.revoke"]);
  });

  it("should revoke a disabled account's tokens for good: enabling it again does not revive them", () => {
    const { token, record } = createApiToken(contributor, {});
    updateUser(admin, { userId: contributor.userId, disabled: true });
    expect(verifyApiToken(token)).toBeNull();
    updateUser(admin, { userId: contributor.userId, disabled: false });
    expect(verifyApiToken(token)).toBeNull();
    expect(listOwnTokens(contributor).find((t) => t.id === record.id)?.revokedAt).toBeInstanceOf(Date);
    const event = t.db.select().from(auditEvents).where(eq(auditEvents.action, "user.disable")).get();
    expect(event?.after).toMatchObject({ disabled: true, revokedTokens: 1 });
  });

  it("should let only the owner or an admin revoke a token", async () => {
    const other = await insertUser(t.db, "other@example.org", "editor");
    const { token, record } = createApiToken(contributor, {});
    expect(() => revokeApiToken(other, { tokenId: record.id })).toThrow(/No such token/);
    expect(verifyApiToken(token)).not.toBeNull();
    expect(revokeApiToken(admin, { token }).revokedAt).toBeInstanceOf(Date);
  });

  it("should let only the command line create a token for another account, not even an admin", () => {
    const { record } = createApiToken(systemActor(), { forEmail: "C@example.org", name: "script" });
    expect(record.userId).toBe(contributor.userId);
    expect(() => createApiToken(contributor, { forEmail: "admin@example.org" })).toThrow(/Tokens are personal/);
    expect(() => createApiToken(admin, { forEmail: "c@example.org" })).toThrow(/Tokens are personal/);
    expect(() => createApiToken(systemActor(), {})).toThrow(/Name the account/);
  });
});
