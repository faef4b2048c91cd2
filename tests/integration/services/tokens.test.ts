import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { apiTokens, auditEvents } from "@/db/schema";
import { systemActor, type Actor } from "@/lib/auth/actor";
import { hashApiToken } from "@/lib/auth/api-token";
import { checkApiToken } from "@/lib/services/auth/verify-api-token";

/** The actor a token stands for, or null when it is refused. */
const verifyApiToken = async (token: string) => {
  const check = await checkApiToken(token);
  return check.ok ? check.actor : null;
};
import { createApiToken } from "@/lib/services/tokens/create-token";
import { listOwnTokens } from "@/lib/services/tokens/list-tokens";
import { revokeApiToken } from "@/lib/services/tokens/revoke-token";
import { updateUser } from "@/lib/services/users/update-user";
import { createTestDb, insertUser, type TestDb } from "../../support/db";
import { addUser } from "../../support/fixtures";

const DAY = 86_400_000;
let t: TestDb;
let admin: Actor & { userId: number };
let contributor: Actor & { userId: number };

beforeEach(async () => {
  t = await createTestDb();
  await t.database.transaction(async (tx) => {
    admin = await insertUser(tx, "admin@example.org", "admin");
    contributor = await insertUser(tx, "c@example.org", "contributor");
  });
});
afterEach(async () => {
  await t.close();
});

describe("API tokens", () => {
  it("should store only a hash of the token, and audit its creation without the secret", async () => {
    const { token, record } = await createApiToken(contributor, { name: "CMS" });
    expect(token).toMatch(/^cdk_[A-Za-z0-9_-]{43}$/);
    const [row] = await t.db.select().from(apiTokens).where(eq(apiTokens.id, record.id)).limit(1);
    expect(row!.tokenHash).toBe(hashApiToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row!.tokenPrefix).toBe(token.slice(0, 8));
    const events = await t.db.select().from(auditEvents);
    expect(events.map((e) => e.action)).toEqual(["token.create"]);
    expect(JSON.stringify(events)).not.toContain(token);
    expect(JSON.stringify(events)).not.toContain(row!.tokenHash);
  });

  it("should verify a live token as its owner and record when it was used", async () => {
    const { token, record } = await createApiToken(contributor, { name: "CMS" });
    expect(await verifyApiToken(token)).toEqual({
      kind: "user",
      userId: contributor.userId,
      token: { id: record.id, scope: "read" },
    });
    expect((await listOwnTokens(contributor))[0]!.lastUsedAt).toBeInstanceOf(Date);
    expect((await listOwnTokens(contributor)).map((r) => r.id)).toEqual([record.id]);
    expect(await listOwnTokens(admin)).toEqual([]);
  });

  it("should reject unknown, malformed and revoked tokens", async () => {
    const { token, record } = await createApiToken(contributor, {});
    expect(await verifyApiToken(token + "x")).toBeNull();
    expect(await verifyApiToken("Bearer " + token)).toBeNull();
    expect(await verifyApiToken("")).toBeNull();
    await revokeApiToken(contributor, { tokenId: record.id });
    expect(await verifyApiToken(token)).toBeNull();
    expect((await t.db.select().from(auditEvents).orderBy(auditEvents.id)).map((e) => e.action)).toEqual([
      "token.create",
      "token.revoke",
    ]);
  });

  it("should revoke a disabled account's tokens for good: enabling it again does not revive them", async () => {
    const { token, record } = await createApiToken(contributor, {});
    await updateUser(admin, { userId: contributor.userId, disabled: true });
    expect(await verifyApiToken(token)).toBeNull();
    await updateUser(admin, { userId: contributor.userId, disabled: false });
    expect(await verifyApiToken(token)).toBeNull();
    expect((await listOwnTokens(contributor)).find((t) => t.id === record.id)?.revokedAt).toBeInstanceOf(Date);
    const [event] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "user.disable")).limit(1);
    expect(event?.after).toMatchObject({ disabled: true, revokedTokens: 1 });
  });

  it("should let only the owner or an admin revoke a token", async () => {
    const other = await addUser(t.database, "other@example.org", "editor");
    const { token, record } = await createApiToken(contributor, {});
    await expect(revokeApiToken(other, { tokenId: record.id })).rejects.toThrow(/No such token/);
    expect(await verifyApiToken(token)).not.toBeNull();
    expect((await revokeApiToken(admin, { token })).revokedAt).toBeInstanceOf(Date);
  });

  it("should make a read token that lasts 90 days unless told otherwise", async () => {
    const before = Date.now();
    const { record } = await createApiToken(contributor, {});
    expect(record.scope).toBe("read");
    expect(record.expiresAt.getTime() - record.createdAt.getTime()).toBe(90 * DAY);
    expect(record.createdAt.getTime()).toBeGreaterThanOrEqual(before);
    const week = (await createApiToken(contributor, { expiresInDays: 7, scope: "write" })).record;
    expect([week.scope, week.expiresAt.getTime() - week.createdAt.getTime()]).toEqual(["write", 7 * DAY]);
    const year = (await createApiToken(contributor, { expiresInDays: 365 })).record;
    expect(year.expiresAt.getTime() - year.createdAt.getTime()).toBe(365 * DAY);
  });

  it("should take the day a token stops working, after today and within a year", async () => {
    const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
    const { record } = await createApiToken(contributor, { expiresOn: day(30) });
    expect(record.expiresAt.toISOString()).toBe(`${day(30)}T00:00:00.000Z`);
    for (const [input, message] of [
      [{ expiresOn: day(0) }, /expiresOn: must be a day after today/],
      [{ expiresOn: day(-3) }, /expiresOn: must be a day after today/],
      [{ expiresOn: day(367) }, /expiresOn: must be at most 365 days from now/],
      [{ expiresOn: "2027-02-30" }, /expiresOn: is not a real date/],
      [{ expiresOn: day(30), expiresInDays: 30 }, /give expiresInDays or expiresOn, not both/],
    ] as const) {
      await expect(createApiToken(contributor, input)).rejects.toThrow(message);
    }
  });

  it("should refuse a caller that came with a token, whatever its scope", async () => {
    const { record } = await createApiToken(contributor, { scope: "write" });
    const viaToken = { ...contributor, token: { id: record.id, scope: "write" as const } };
    await expect(createApiToken(viaToken, {})).rejects.toThrow(/API tokens cannot create tokens/);
    // Listing its owner's tokens and revoking one (itself included) are allowed.
    expect((await listOwnTokens(viaToken)).map((r) => r.id)).toEqual([record.id]);
    expect((await revokeApiToken(viaToken, { tokenId: record.id })).revokedAt).toBeInstanceOf(Date);
  });

  it("should let only the command line create a token for another account, not even an admin", async () => {
    const { record } = await createApiToken(systemActor(), { forEmail: "C@example.org", name: "script" });
    expect(record.userId).toBe(contributor.userId);
    await expect(createApiToken(contributor, { forEmail: "admin@example.org" })).rejects.toThrow(/Tokens are personal/);
    await expect(createApiToken(admin, { forEmail: "c@example.org" })).rejects.toThrow(/Tokens are personal/);
    await expect(createApiToken(systemActor(), {})).rejects.toThrow(/Name the account/);
  });
});
