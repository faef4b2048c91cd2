import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditEvents, users } from "@/db/schema";
import { authorize, systemActor, type Actor } from "@/lib/auth/actor";
import { authenticate } from "@/lib/services/auth/authenticate";
import { isServiceError, type ServiceError } from "@/lib/services/errors";
import { createUser } from "@/lib/services/users/create-user";
import { changeOwnPassword } from "@/lib/services/users/change-password";
import { updateUser } from "@/lib/services/users/update-user";
import { createTestDb, tableSnapshot, TEST_PASSWORD, type TestDb } from "../../support/db";
import { addUser, failAuditOf, rejectionMessage } from "../../support/fixtures";

let t: TestDb;
let admin: Actor & { userId: number };

beforeEach(async () => {
  t = await createTestDb();
  admin = await addUser(t.database, "admin@example.org", "admin");
});
afterEach(async () => {
  await t.close();
});

async function expectServiceError(p: Promise<unknown> | (() => Promise<unknown>), code: string) {
  try {
    await (typeof p === "function" ? p() : p);
  } catch (e) {
    expect(isServiceError(e) ? e.code : e).toBe(code);
    return e;
  }
  throw new Error(`expected ${code}, but the call succeeded`);
}

describe("createUser", () => {
  it("should create an account with a temporary password that signs in, and audit it without secrets", async () => {
    const { user, temporaryPassword } = await createUser(admin, {
      email: " New.Person@Example.org ",
      name: "New Person",
      role: "editor",
    });
    expect(user).toMatchObject({ email: "new.person@example.org", role: "editor", disabled: false });
    expect(temporaryPassword).toMatch(/^[A-Za-z0-9]{16}$/);

    const login = await authenticate("new.person@example.org", temporaryPassword!);
    expect(login.ok).toBe(true);

    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, user.id));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "user.create",
      entityType: "user",
      actorId: admin.userId,
      actorLabel: "admin@example.org",
    });
    expect(JSON.stringify(events[0])).not.toMatch(/argon2|passwordHash|password_hash/);
  });

  it("should use a given password and not return one", async () => {
    const { temporaryPassword } = await createUser(systemActor(), {
      email: "cli@example.org",
      name: "Cli",
      role: "contributor",
      password: "a long enough password",
    });
    expect(temporaryPassword).toBeNull();
    expect((await authenticate("cli@example.org", "a long enough password")).ok).toBe(true);
  });

  it("should refuse a duplicate email with 409 and change nothing", async () => {
    const before = await tableSnapshot(t.db);
    const err = await expectServiceError(
      createUser(admin, { email: "ADMIN@example.org", name: "Again", role: "editor" }),
      "conflict",
    );
    expect((err as ServiceError).toJSON().error.issues).toEqual([{ path: "email", message: "is already in use" }]);
    expect(await tableSnapshot(t.db)).toEqual(before);
  });

  it("should name every bad field", async () => {
    const before = await tableSnapshot(t.db);
    const err = await expectServiceError(
      createUser(admin, { email: "not-an-email", name: "x".repeat(121), role: "boss", extra: 1 }),
      "validation_failed",
    );
    const paths = (err as { issues: { path: string }[] }).issues.map((i) => i.path).sort();
    expect(paths).toEqual(["email", "extra", "name", "role"]);
    expect(await tableSnapshot(t.db)).toEqual(before);
  });

  it("should leave neither the account nor its audit event when the transaction fails", async () => {
    await failAuditOf(t.database, "user.create");
    const before = await tableSnapshot(t.db);
    expect(await rejectionMessage(createUser(admin, { email: "x@example.org", name: "X", role: "editor" }))).toMatch(
      /audit store unavailable/,
    );
    expect(await tableSnapshot(t.db)).toEqual(before);
    expect(await t.db.select().from(users).where(eq(users.email, "x@example.org"))).toEqual([]);
  });
});

describe("updateUser", () => {
  it("should change a role and record before and after", async () => {
    const editor = await addUser(t.database, "ed@example.org", "editor");
    const updated = await updateUser(admin, { userId: editor.userId, role: "contributor" });
    expect(updated).toMatchObject({ role: "contributor", version: 2 });
    const [event] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "user.change_role")).limit(1);
    expect(event).toMatchObject({
      entityId: editor.userId,
      before: expect.objectContaining({ role: "editor" }),
      after: expect.objectContaining({ role: "contributor" }),
    });
  });

  it("should take effect at the user's next call: a demoted editor is refused, a disabled one is signed out", async () => {
    const editor = await addUser(t.database, "ed@example.org", "editor");
    expect((await authorize(t.db, editor, "verdicts:review")).role).toBe("editor");
    await updateUser(admin, { userId: editor.userId, role: "contributor" });
    await expectServiceError(() => authorize(t.db, editor, "verdicts:review"), "forbidden");
    await updateUser(admin, { userId: editor.userId, disabled: true });
    await expectServiceError(() => authorize(t.db, editor, "content:write"), "unauthenticated");
    expect(await authenticate("ed@example.org", TEST_PASSWORD)).toEqual({ ok: false, reason: "invalid" });
    await updateUser(admin, { userId: editor.userId, disabled: false });
    expect((await authenticate("ed@example.org", TEST_PASSWORD)).ok).toBe(true);
    const actions = (await t.db.select({ a: auditEvents.action }).from(auditEvents).orderBy(auditEvents.id)).map(
      (r) => r.a,
    );
    expect(actions).toEqual(["user.change_role", "user.disable", "user.enable"]);
  });

  it("should refuse to leave Claimdesk without an active admin", async () => {
    await expectServiceError(() => updateUser(systemActor(), { userId: admin.userId, role: "editor" }), "conflict");
    await expectServiceError(() => updateUser(systemActor(), { userId: admin.userId, disabled: true }), "conflict");
    const second = await addUser(t.database, "admin2@example.org", "admin");
    expect((await updateUser(second, { userId: admin.userId, role: "editor" })).role).toBe("editor");
  });

  it("should refuse a stale version with 409", async () => {
    const editor = await addUser(t.database, "ed@example.org", "editor");
    await updateUser(admin, { userId: editor.userId, name: "Ed", version: 1 });
    const before = await tableSnapshot(t.db);
    await expectServiceError(() => updateUser(admin, { userId: editor.userId, role: "admin", version: 1 }), "conflict");
    expect(await tableSnapshot(t.db)).toEqual(before);
    const [row] = await t.db.select().from(users).where(eq(users.id, editor.userId)).limit(1);
    expect(row?.role).toBe("editor");
  });

  it("should answer 404 for an unknown account", async () => {
    await expectServiceError(() => updateUser(admin, { userId: 999, role: "editor" }), "not_found");
  });
});

describe("changeOwnPassword", () => {
  it("should require the current password and then replace it", async () => {
    const editor = await addUser(t.database, "ed@example.org", "editor");
    await expectServiceError(
      changeOwnPassword(editor, { currentPassword: "wrong", newPassword: "a brand new password" }),
      "validation_failed",
    );
    await changeOwnPassword(editor, { currentPassword: TEST_PASSWORD, newPassword: "a brand new password" });
    expect((await authenticate("ed@example.org", TEST_PASSWORD)).ok).toBe(false);
    expect((await authenticate("ed@example.org", "a brand new password")).ok).toBe(true);
  });
});
