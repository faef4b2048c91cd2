import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { apiTokens, auditEvents, users } from "@/db/schema";
import { main } from "@/lib/cli/main";
import { checkApiToken } from "@/lib/services/auth/verify-api-token";

/** The actor a token stands for, or null when it is refused. */
const verifyApiToken = async (token: string) => {
  const check = await checkApiToken(token);
  return check.ok ? check.actor : null;
};
import { authenticate } from "@/lib/services/auth/authenticate";
import { createTestDb, type TestDb } from "../../support/db";

const DAY = 86_400_000;
let t: TestDb;
let lines: string[];
let errors: string[];

beforeEach(async () => {
  t = await createTestDb();
  lines = [];
  errors = [];
  vi.spyOn(console, "log").mockImplementation((s: string) => void lines.push(String(s)));
  vi.spyOn(console, "error").mockImplementation((s: string) => void errors.push(String(s)));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await t.close();
});

describe("npm run cli", () => {
  it("should add users with and without a password, list them, and disable one", async () => {
    expect(
      await main([
        "user",
        "add",
        "--email",
        "Desk@Example.org",
        "--name",
        "Desk Chief",
        "--role",
        "admin",
        "--password",
        "a very long password",
      ]),
    ).toBe(0);
    expect(lines.at(-1)).toMatch(/^Created admin desk@example.org/);
    expect(await main(["user", "add", "--email", "r@example.org", "--name", "Reporter", "--role", "contributor"])).toBe(
      0,
    );
    const temp = /Temporary password \(shown once\): (\w+)/.exec(lines.join("\n"))![1]!;
    expect((await authenticate("r@example.org", temp)).ok).toBe(true);

    lines = [];
    expect(await main(["user", "list"])).toBe(0);
    expect(lines).toHaveLength(2);
    expect(lines.join("\n")).toMatch(/admin\s+active\s+desk@example.org/);

    expect(await main(["user", "disable", "--email", "r@example.org"])).toBe(0);
    const [user] = await t.db.select().from(users).where(eq(users.email, "r@example.org")).limit(1);
    expect(user!.disabledAt).not.toBeNull();
    const [event] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "user.disable")).limit(1);
    expect(event).toMatchObject({ actorId: null, actorLabel: "cli" });
  });

  it("should create a token that works and revoke it by id", async () => {
    await main([
      "user",
      "add",
      "--email",
      "e@example.org",
      "--name",
      "E",
      "--role",
      "editor",
      "--password",
      "a very long password",
    ]);
    lines = [];
    expect(await main(["token", "create", "--email", "e@example.org", "--name", "cms"])).toBe(0);
    const token = lines[0]!;
    expect(await verifyApiToken(token)).not.toBeNull();
    const id = /token id (\d+)/.exec(lines[1]!)![1]!;
    // Read only and 90 days unless asked otherwise.
    const [row] = await t.db
      .select()
      .from(apiTokens)
      .where(eq(apiTokens.id, Number(id)));
    expect(row!.scope).toBe("read");
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(90 * DAY);
    expect(lines[1]).toMatch(/scope read, expires \d{4}-\d\d-\d\d \d\d:\d\d UTC; shown once/);
    expect(await main(["token", "revoke", "--id", id])).toBe(0);
    expect(await verifyApiToken(token)).toBeNull();
  });

  it("should create a token with --scope and --expires in days or as a date", async () => {
    await main(["user", "add", "--email", "e@example.org", "--name", "E", "--role", "editor"]);
    const created = async (...options: string[]) => {
      lines = [];
      expect(await main(["token", "create", "--email", "e@example.org", ...options]), errors.join("\n")).toBe(0);
      const id = Number(/token id (\d+)/.exec(lines[1]!)![1]);
      return (await t.db.select().from(apiTokens).where(eq(apiTokens.id, id)))[0]!;
    };
    const week = await created("--scope", "write", "--expires", "7d");
    expect([week.scope, week.expiresAt.getTime() - week.createdAt.getTime()]).toEqual(["write", 7 * DAY]);
    expect((await created("--expires", "365d")).expiresAt.getTime()).toBeGreaterThan(Date.now() + 364 * DAY);
    const day = new Date(Date.now() + 40 * DAY).toISOString().slice(0, 10);
    expect((await created("--expires", day)).expiresAt.toISOString()).toBe(`${day}T00:00:00.000Z`);
  });

  it.each([
    [
      ["user", "add", "--email", "x@example.org", "--name", "X", "--role", "chief"],
      /role: must be one of admin, editor, contributor/,
      1,
    ],
    [["user", "add", "--email", "x@example.org", "--nmae", "X"], /Unknown option '--nmae'/, 2],
    [["user", "disable"], /--email is required/, 2],
    [["user", "disable", "--email", "ghost@example.org"], /No account with email ghost@example.org/, 1],
    [["token", "create", "--email", "ghost@example.org"], /No account with email ghost@example.org/, 1],
    [["token", "revoke"], /give exactly one of --id N or --token T/, 2],
    [["token", "create", "--email", "e@example.org", "--expires", "0d"], /--expires: must be at least 1 day/, 2],
    [["token", "create", "--email", "e@example.org", "--expires", "366d"], /--expires: must be at most 365 days/, 2],
    [["token", "create", "--email", "e@example.org", "--expires", "2020-01-01"], /--expires: must be a day after/, 2],
    [["token", "create", "--email", "e@example.org", "--expires", "2999-01-01"], /--expires: must be at most 365/, 2],
    [["token", "create", "--email", "e@example.org", "--expires", "soon"], /--expires takes a number of days/, 2],
    [["token", "create", "--email", "e@example.org", "--scope", "admin"], /--scope: must be one of read, write/, 2],
    [["user", "fly"], /unknown command 'user fly'/, 2],
    [["user", "disable", "--email", "x@example.org", "--role", "admin"], /Unknown option '--role'/, 2],
    [["launch"], /unknown command 'launch'/, 2],
  ])("should refuse %j with a message and a non-zero exit", async (argv, message, code) => {
    expect(await main(argv)).toBe(code);
    expect(errors.join("\n")).toMatch(message);
  });
});

describe("npm run cli -- user unlock", () => {
  it("should clear the sign-in failures of an account", async () => {
    await main([
      "user",
      "add",
      "--email",
      "e@example.org",
      "--name",
      "E",
      "--role",
      "editor",
      "--password",
      "a very long password",
    ]);
    for (let i = 0; i < 5; i++) await authenticate("e@example.org", "wrong");
    expect((await authenticate("e@example.org", "a very long password")).ok).toBe(false);
    expect(await main(["user", "unlock", "--email", "e@example.org"])).toBe(0);
    expect(lines.at(-1)).toMatch(/sign-in unlocked \(5 recent failures cleared\)/);
    expect((await authenticate("e@example.org", "a very long password")).ok).toBe(true);
  });
});

describe("the cli script", () => {
  it("should exit non-zero with one line when the environment is wrong", async () => {
    const run = promisify(execFile);
    const root = path.resolve(import.meta.dirname, "../../..");
    const failure = await run(path.join(root, "node_modules/.bin/tsx"), ["lib/cli/main.ts", "user", "list"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: t.url, PORT: "not-a-port" },
    }).catch((e: { code: number; stderr: string }) => e);
    expect(failure).toMatchObject({
      code: 2,
      stderr: "error: Invalid environment variable PORT: must be a port number from 1 to 65535\n",
    });
  });
});
