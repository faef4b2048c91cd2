import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { isServiceError } from "@/lib/services/errors";
import { createApiToken } from "@/lib/services/tokens/create-token";
import { listOwnTokens } from "@/lib/services/tokens/list-tokens";
import { revokeApiToken } from "@/lib/services/tokens/revoke-token";
import { changeOwnPassword } from "@/lib/services/users/change-password";
import { createUser } from "@/lib/services/users/create-user";
import { getOwnAccount } from "@/lib/services/users/get-own-account";
import { listUsers } from "@/lib/services/users/list-users";
import { updateUser } from "@/lib/services/users/update-user";
import { createTestDb, insertUser, TEST_PASSWORD, type TestDb } from "../../support/db";

type Who = "anonymous" | "contributor" | "editor" | "admin" | "disabled";
type Outcome = "allow" | "401" | "403";

let t: TestDb;
const actors = {} as Record<Who, Actor | null>;
let target: number;
let seq = 0;

beforeAll(async () => {
  t = await createTestDb();
  actors.anonymous = null;
  await t.database.transaction(async (tx) => {
    actors.contributor = await insertUser(tx, "contributor@example.org", "contributor");
    actors.editor = await insertUser(tx, "editor@example.org", "editor");
    actors.admin = await insertUser(tx, "admin@example.org", "admin");
    actors.disabled = await insertUser(tx, "disabled@example.org", "admin", { disabled: true });
    target = (await insertUser(tx, "target@example.org", "contributor")).userId;
  });
});
afterAll(async () => {
  await t.close();
});

// Each call gets fresh input so that an allowed call never fails for another reason.
const SERVICES: Record<string, { call: (a: Actor | null) => Promise<unknown>; expected: Record<Who, Outcome> }> = {
  createUser: {
    call: (a) => createUser(a, { email: `new${++seq}@example.org`, name: "New", role: "contributor" }),
    expected: { anonymous: "401", contributor: "403", editor: "403", admin: "allow", disabled: "401" },
  },
  listUsers: {
    call: (a) => listUsers(a),
    expected: { anonymous: "401", contributor: "403", editor: "403", admin: "allow", disabled: "401" },
  },
  updateUser: {
    call: (a) => updateUser(a, { userId: target, name: `Target ${++seq}` }),
    expected: { anonymous: "401", contributor: "403", editor: "403", admin: "allow", disabled: "401" },
  },
  createApiToken: {
    call: (a) => createApiToken(a, { name: "t" }),
    expected: { anonymous: "401", contributor: "allow", editor: "allow", admin: "allow", disabled: "401" },
  },
  listOwnTokens: {
    call: (a) => listOwnTokens(a),
    expected: { anonymous: "401", contributor: "allow", editor: "allow", admin: "allow", disabled: "401" },
  },
  revokeOwnToken: {
    call: async (a) => {
      // The disabled and anonymous callers cannot create one; revoke someone's instead.
      const owner =
        a && a.kind === "user" && a.userId !== (actors.disabled as { userId: number }).userId ? a : actors.admin;
      const { record } = await createApiToken(owner, { name: "t" });
      return revokeApiToken(a, { tokenId: record.id });
    },
    expected: { anonymous: "401", contributor: "allow", editor: "allow", admin: "allow", disabled: "401" },
  },
  getOwnAccount: {
    call: (a) => getOwnAccount(a),
    expected: { anonymous: "401", contributor: "allow", editor: "allow", admin: "allow", disabled: "401" },
  },
  changeOwnPassword: {
    call: (a) =>
      changeOwnPassword(a, { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD + "!" }).then(() =>
        changeOwnPassword(a, { currentPassword: TEST_PASSWORD + "!", newPassword: TEST_PASSWORD }),
      ),
    expected: { anonymous: "401", contributor: "allow", editor: "allow", admin: "allow", disabled: "401" },
  },
};

async function outcome(call: () => Promise<unknown>): Promise<Outcome | string> {
  try {
    await call();
    return "allow";
  } catch (e) {
    if (isServiceError(e) && (e.status === 401 || e.status === 403)) return String(e.status);
    return `unexpected: ${e instanceof Error ? e.message : String(e)}`;
  }
}

describe("who may call which service", () => {
  const cases = Object.entries(SERVICES).flatMap(([name, s]) =>
    (Object.keys(s.expected) as Who[]).map((who) => ({ name, who, expected: s.expected[who], call: s.call })),
  );
  it.each(cases)("$name as $who should be $expected", async ({ who, expected, call }) => {
    expect(await outcome(() => call(actors[who]))).toBe(expected);
  });
});
