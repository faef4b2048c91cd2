import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { apiTokens, auditEvents, factChecks, users } from "@/db/schema";
import { main } from "@/lib/cli/main";
import { enqueue } from "@/lib/outbox/outbox";
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
  // The messages asserted below are the English ones, whatever language the machine running the tests speaks.
  vi.stubEnv("LC_ALL", "C");
});
afterEach(async () => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
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

describe("npm run cli in another language", () => {
  it("should speak the language of the environment (LC_ALL, LC_MESSAGES, LANG), English unless it has a catalogue", async () => {
    vi.stubEnv("LC_ALL", "");
    vi.stubEnv("LC_MESSAGES", "");
    vi.stubEnv("LANG", "uk_UA.UTF-8");
    expect(await main(["user", "add", "--email", "r@example.org", "--name", "Reporter", "--role", "contributor"])).toBe(
      0,
    );
    expect(lines[0]).toMatch(/^Створено обліковий запис r@example.org з роллю «дописувач» \(id \d+\)\.$/);
    expect(lines[1]).toMatch(/^Тимчасовий пароль \(показується один раз\): \w+$/);
    expect(await main(["user", "fly"])).toBe(2);
    expect(errors.at(-1)).toMatch(/^помилка: невідома команда 'user fly'\. Використання:\nuser add /);

    vi.stubEnv("LANG", "de_DE.UTF-8");
    expect(await main(["user", "disable"])).toBe(2);
    expect(errors.at(-1)).toBe("error: --email is required");
  });
});

describe("npm run cli -- fact-checks import", () => {
  const review = (n: number, extra: Record<string, unknown> = {}) => ({
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: `https://factcheck.example/reviews/${n}`,
    claimReviewed: `The bridge was closed for ${n} days.`,
    author: { "@type": "Organization", name: "Example Fact Check" },
    reviewRating: { "@type": "Rating", alternateName: "False" },
    ...extra,
  });
  let dir = "";
  const file = (name: string, content: unknown) => {
    const at = path.join(dir, name);
    fs.writeFileSync(at, typeof content === "string" ? content : JSON.stringify(content));
    return at;
  };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-fact-checks-"));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("should import a file as the operator, print the counts and the problems, and exit 0", async () => {
    const feed = {
      "@type": "DataFeed",
      dataFeedElement: [
        review(1),
        review(2, { url: "mailto:desk@factcheck.example" }),
        ...Array.from({ length: 25 }, (_, i) => review(100 + i, { claimReviewed: "" })),
        review(3),
      ],
    };
    // With a byte-order mark, as some editors write.
    expect(await main(["fact-checks", "import", "--file", file("feed.jsonld", `\uFEFF${JSON.stringify(feed)}`)])).toBe(
      0,
    );
    expect(lines[0]).toBe(
      "Imported 2 of 28 reviews: 2 added, 0 updated, 0 unchanged; 26 skipped as invalid, 0 replaced by a later review with the same URL.",
    );
    expect(lines[1]).toBe("Problems (the first 20 of 26):");
    expect(lines[2]).toBe("  dataFeedElement.1.url: must be an http(s) URL");
    expect(lines[3]).toBe("  dataFeedElement.2.claimReviewed: is required: the claim reviewed");
    expect(lines).toHaveLength(22);
    const rows = await t.db.select().from(factChecks);
    expect(rows.map((r) => [r.url, r.importedBy])).toEqual([
      ["https://factcheck.example/reviews/1", null],
      ["https://factcheck.example/reviews/3", null],
    ]);
    const [event] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "fact_checks.import"));
    expect(event).toMatchObject({ actorId: null, actorLabel: "cli", entityType: "fact_check_import" });

    // Again, with a duplicate: nothing invalid, nothing new.
    lines = [];
    expect(await main(["fact-checks", "import", "--file", file("again.json", [review(1), review(3), review(1)])])).toBe(
      0,
    );
    expect(lines).toEqual([
      "Imported 2 of 3 reviews: 0 added, 0 updated, 2 unchanged; 0 skipped as invalid, 1 replaced by a later review with the same URL.",
      "Replaced by a later review with the same URL:",
      "  0: replaced by 2 (https://factcheck.example/reviews/1)",
    ]);
  });

  it("should exit 1 with the problems when no review is valid, and 2 without a readable file", async () => {
    expect(await main(["fact-checks", "import", "--file", file("bad.json", [review(1, { url: "nowhere" })])])).toBe(1);
    expect(lines).toEqual(["Problems:", "  0.url: must be an http(s) URL"]);
    expect(errors).toEqual([
      "error: Nothing was imported: the file's one review is invalid — 0.url: must be an http(s) URL",
    ]);

    errors = [];
    expect(await main(["fact-checks", "import"])).toBe(2);
    expect(errors[0]).toMatch(/^error: --file is required\. Usage: fact-checks import --file FILE/);
    expect(await main(["fact-checks", "import", "--file", path.join(dir, "missing.json")])).toBe(2);
    expect(errors[1]).toMatch(/^error: cannot read .*missing\.json as JSON: ENOENT/);
    expect(await main(["fact-checks", "import", "--file", file("broken.json", "{")])).toBe(2);
    expect(await main(["fact-checks", "list"])).toBe(2);
    expect(errors[3]).toMatch(/^error: unknown fact-checks command 'list'/);
    expect(await t.db.select().from(factChecks)).toEqual([]);
  });
});

describe("npm run cli -- outbox", () => {
  it("should say what the outbox holds, send what is due, and show why a send failed", async () => {
    expect(await main(["outbox"])).toBe(0);
    expect(lines).toEqual(["The outbox is empty: nothing was ever sent from it."]);
    // A mail written while a mail server was configured, which is gone now.
    await t.database.transaction((tx) =>
      enqueue(tx, [{ kind: "mail", payload: { to: "a@example.org", subject: "S", text: "T" } }]),
    );
    lines.length = 0;
    expect(await main(["outbox", "send"])).toBe(0);
    expect(lines[0]).toBe("No reminder was due; 1 send made.");
    expect(lines[1]).toBe("Mail: 1 waiting, 0 delivered, 0 given up.");
    expect(lines[2]).toBe("Last failures:");
    expect(lines[3]).toMatch(
      /^ {2}#1 mail: 1 attempt, next at .* UTC — SMTP_URL is not set: mail waits until it is\.$/,
    );
    expect(await main(["outbox", "later"])).toBe(2);
    expect(errors.at(-1)).toMatch(/unknown command 'later'/);
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
