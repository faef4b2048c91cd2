import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRow } from "@/db/sql";
import type { Actor } from "@/lib/auth/actor";
import { createApiToken } from "@/lib/services/tokens/create-token";
import { revokeApiToken } from "@/lib/services/tokens/revoke-token";
import { changeOwnPassword } from "@/lib/services/users/change-password";
import { createUser } from "@/lib/services/users/create-user";
import { updateUser } from "@/lib/services/users/update-user";
import { createTestDb, insertUser, tableSnapshot, TEST_PASSWORD, type TestDb } from "../../support/db";
import { failAuditOf, rejectionMessage } from "../../support/fixtures";

let t: TestDb;
let admin: Actor & { userId: number };
let editor: Actor & { userId: number };
let tokenId: number;

beforeEach(async () => {
  t = await createTestDb();
  await t.database.transaction(async (tx) => {
    admin = await insertUser(tx, "admin@example.org", "admin");
    editor = await insertUser(tx, "editor@example.org", "editor");
  });
  tokenId = (await createApiToken(editor, { name: "t" })).record.id;
});
afterEach(async () => {
  await t.close();
});

// Each service, and the audit action it records. A trigger makes that audit insert fail.
const CASES: [string, string, () => Promise<unknown>][] = [
  ["createUser", "user.create", () => createUser(admin, { email: "x@example.org", name: "X", role: "editor" })],
  ["updateUser (role)", "user.change_role", () => updateUser(admin, { userId: editor.userId, role: "contributor" })],
  ["updateUser (disable)", "user.disable", () => updateUser(admin, { userId: editor.userId, disabled: true })],
  ["updateUser (rename)", "user.update", () => updateUser(admin, { userId: editor.userId, name: "Renamed" })],
  [
    "changeOwnPassword",
    "user.change_password",
    () => changeOwnPassword(editor, { currentPassword: TEST_PASSWORD, newPassword: "another long password" }),
  ],
  ["createApiToken", "token.create", () => createApiToken(editor, { name: "second" })],
  ["revokeApiToken", "token.revoke", () => revokeApiToken(editor, { tokenId })],
];

describe("a failure inside a service's transaction", () => {
  it.each(CASES)("should leave neither the change of %s nor its audit event behind", async (_name, action, call) => {
    await failAuditOf(t.database, action);
    const before = await tableSnapshot(t.db);
    expect(await rejectionMessage(Promise.resolve().then(call))).toMatch(/audit store unavailable/);
    expect(await tableSnapshot(t.db)).toEqual(before);
  });

  it.each(CASES)("should record exactly one audit event when %s succeeds", async (_name, action, call) => {
    const count = async () =>
      (await queryRow<{ n: number }>(
        t.db,
        sql.raw(`select count(*) as n from audit_events where action = '${action}'`),
      ))!.n;
    const before = await count();
    await call();
    expect(await count()).toBe(before + 1);
  });
});
