import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sql } from "drizzle-orm";
import { seedDemo } from "@/db/seed";
import type { CurrentUser } from "@/lib/auth/session";
import { systemActor } from "@/lib/auth/actor";
import { createApiToken } from "@/lib/services/tokens/create-token";
import { queryRow } from "@/db/sql";
import { createTestDb, tableSnapshot, type TestDb } from "../support/db";

/**
 * Random and malformed input, property-based (fast-check), to every `/api/v1` route and
 * every server action, as an admin (so that what is tested is the input handling, not the
 * role check): never a 5xx, always the JSON error shape, and — whenever the input is
 * refused — the database exactly as it was (row counts and a hash of every table).
 */

// Server actions resolve the signed-in user from the request's session; here the admin is signed in.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", async () => {
  const { can } = await import("@/lib/auth/permissions");
  return {
    getCurrentUser: async () => session.user,
    requireUser: async () => session.user,
    userCan: (user: CurrentUser | null, permission: Parameters<typeof can>[1]) =>
      user !== null && can(user.role, permission),
  };
});

// Signing out (after a password change) ends the request with a redirect, as Next's does.
vi.mock("@/lib/auth", () => ({
  auth: async () => null,
  signOut: async () => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { digest: "NEXT_REDIRECT;replace;/login;307;" });
  },
}));

const ROOT = path.resolve(import.meta.dirname, "../..");
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

let t: TestDb;
let token = "";
beforeAll(async () => {
  t = await createTestDb();
  await seedDemo(t.db);
  const admin = (await queryRow<{ id: number; email: string; name: string }>(
    t.db,
    sql`select id, email, name from users where role = 'admin' limit 1`,
  ))!;
  session.user = { ...admin, role: "admin", actor: { kind: "user", userId: admin.id } };
  token = (await createApiToken(systemActor(), { forEmail: admin.email })).token;
});
afterAll(async () => {
  await t.close();
});

type Handler = (req: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

/** Every route file under app/api/v1 with its path parameters, e.g. `claims/[id]/evidence/[evidenceId]`. */
function routeFiles(): { file: string; url: string; params: string[] }[] {
  const found: { file: string; url: string; params: string[] }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const rel = path.relative(path.join(ROOT, "app"), path.dirname(full));
        found.push({
          file: full,
          url: `/${rel}`,
          params: [...rel.matchAll(/\[(?:\.\.\.)?(\w+)\]/g)].map((m) => m[1]!),
        });
      }
    }
  };
  walk(path.join(ROOT, "app/api/v1"));
  return found;
}

// Path parameters: real ids, missing ids, and junk.
const idArb = fc.oneof(
  fc.constantFrom("1", "2", "3", "0", "-1", "999999", "1e3", "abc", "%00", "../1", " 1", "9".repeat(30)),
  fc.string({ maxLength: 12 }),
);
const paramArb = (name: string) =>
  name === "step"
    ? fc.oneof(
        fc.constantFrom("submit", "withdraw", "publish", "request-changes", "correct", "retract", "discard"),
        fc.string({ maxLength: 10 }),
      )
    : name === "format"
      ? fc.oneof(fc.constantFrom("csv", "json", "w3c", "claimreview", "pdf"), fc.string({ maxLength: 8 }))
      : name === "path"
        ? fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 })
        : idArb;

// Bodies: any JSON value, objects with plausible keys of the wrong kind, or not JSON at all.
const KEYS = [
  "id",
  "name",
  "text",
  "title",
  "documentId",
  "revision",
  "start",
  "end",
  "claimant",
  "statement",
  "version",
  "rating",
  "summary",
  "rationale",
  "stance",
  "url",
  "sourceType",
  "evidenceId",
  "question",
  "accounts",
  "email",
  "role",
  "password",
  "baseRevision",
  "annotations",
  "note",
  "reason",
  "comment",
  "body",
  "label",
  "key",
  "ordinal",
  "colour",
  "ids",
  "disabled",
  "format",
];
const valueArb = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  fc.constantFrom(
    null,
    "",
    " ",
    -1,
    0,
    1.5,
    2 ** 53,
    "<script>alert(1)</script>",
    "' or 1=1 --",
    "\u0000",
    "🙂".repeat(100),
    [],
    {},
  ),
);
const bodyArb = fc.oneof(
  fc.record({
    kind: fc.constant("json" as const),
    value: fc.oneof(fc.anything({ maxDepth: 3 }), fc.dictionary(fc.constantFrom(...KEYS), valueArb, { maxKeys: 6 })),
  }),
  fc.record({
    kind: fc.constant("raw" as const),
    value: fc.oneof(fc.string({ maxLength: 50 }), fc.constantFrom("{", "[1,", '{"a":', "null", "\uFEFF{}", "a=1&b=2")),
  }),
  fc.record({ kind: fc.constant("wrong-type" as const), value: fc.string({ maxLength: 30 }) }),
);
const queryArb = fc.dictionary(
  fc.constantFrom(
    "q",
    "page",
    "rating",
    "claimant",
    "dispute",
    "from",
    "to",
    "sort",
    "status",
    "document",
    "includeDrafts",
    "claim",
    "format",
  ),
  fc.string({ maxLength: 12 }),
  { maxKeys: 4 },
);

function requestFor(url: string, method: string, body: { kind: string; value: unknown } | null): Request {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  let payload: string | undefined;
  if (body?.kind === "json") {
    headers["content-type"] = "application/json";
    payload = JSON.stringify(body.value) ?? "null";
  } else if (body?.kind === "raw") {
    headers["content-type"] = "application/json";
    payload = String(body.value);
  } else if (body?.kind === "wrong-type") {
    headers["content-type"] = "text/plain";
    payload = String(body.value);
  }
  return new Request(new URL(url, "http://localhost"), {
    method,
    headers,
    body: method === "GET" || method === "DELETE" ? undefined : payload,
  });
}

/** Checks one answer: no 5xx; an error answer has the JSON shape; a refusal changed nothing. */
async function checkAnswer(res: Response, before: Awaited<ReturnType<typeof tableSnapshot>>, what: string) {
  expect(res.status, what).toBeLessThan(500);
  if (res.status >= 400) {
    const json = (await res.json()) as { error?: { code?: unknown; message?: unknown } };
    expect(typeof json.error?.code, what).toBe("string");
    expect(typeof json.error?.message, what).toBe("string");
    expect(await tableSnapshot(t.db), what).toEqual(before);
  } else {
    await res.arrayBuffer();
  }
}

describe("random and malformed input to every /api/v1 route", () => {
  const routes = routeFiles();
  it("should find the routes", () => {
    expect(routes.length).toBeGreaterThan(25);
  });

  for (const route of routes) {
    it(`${route.url}: never a 5xx, always the error shape, nothing changed when refused`, async () => {
      const mod = (await import(route.file)) as Record<string, Handler>;
      const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => typeof mod[m] === "function");
      for (const method of methods) {
        const params = fc.record(
          Object.fromEntries(route.params.map((p) => [p, paramArb(p)])) as Record<
            string,
            fc.Arbitrary<string | string[]>
          >,
        );
        await fc.assert(
          fc.asyncProperty(
            params,
            method === "GET" || method === "DELETE" ? fc.constant(null) : bodyArb,
            queryArb,
            async (p, body, query) => {
              const url = `/api${route.url.slice(4)}`.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, name: string) =>
                encodeURIComponent(String(p[name])),
              );
              const qs = new URLSearchParams(query).toString();
              const before = await tableSnapshot(t.db);
              const res = await mod[method]!(requestFor(qs ? `${url}?${qs}` : url, method, body), {
                params: Promise.resolve(p),
              });
              await checkAnswer(res, before, `${method} ${url} ${JSON.stringify(body)}`);
            },
          ),
          { numRuns: RUNS, seed: 20261125 },
        );
      }
    });
  }
});

type FormActionFn = (prev: unknown, form: FormData) => Promise<{ ok?: boolean; message?: string } | undefined>;
type ServiceActionFn = (input: unknown) => Promise<{ ok: boolean; message?: string; status?: number }>;

/** Every exported server action (modules marked "use server"). */
function actionModules(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name) && fs.readFileSync(full, "utf8").startsWith('"use server"')) files.push(full);
    }
  };
  walk(path.join(ROOT, "app"));
  return files;
}

const isRedirect = (e: unknown) =>
  typeof e === "object" && e !== null && String((e as { digest?: unknown }).digest ?? "").startsWith("NEXT_REDIRECT");

describe("random and malformed input to every server action", () => {
  const files = actionModules();
  it("should find the actions", () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
  });

  for (const file of files) {
    it(`${path.relative(ROOT, file)}: refusals come back as messages, never a crash, and change nothing`, async () => {
      const mod = (await import(file)) as Record<string, unknown>;
      for (const [name, action] of Object.entries(mod)) {
        if (typeof action !== "function") continue;
        const formArb = fc.dictionary(
          fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 8 })),
          fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom("", "1", "-1", "abc", "<img src=x onerror=alert(1)>")),
          { maxKeys: 6 },
        );
        await fc.assert(
          fc.asyncProperty(
            action.length >= 2
              ? formArb
              : fc.oneof(
                  fc.anything({ maxDepth: 2 }),
                  fc.dictionary(fc.constantFrom(...KEYS), valueArb, { maxKeys: 6 }),
                ),
            async (input) => {
              const before = await tableSnapshot(t.db);
              let result: { ok?: boolean; message?: string } | undefined;
              try {
                if (action.length >= 2) {
                  const form = new FormData();
                  for (const [k, v] of Object.entries(input as Record<string, string>)) form.append(k, v);
                  result = await (action as FormActionFn)({}, form);
                } else {
                  result = await (action as ServiceActionFn)(input);
                }
              } catch (e) {
                if (isRedirect(e)) return; // the input was acceptable and the action moved on
                throw new Error(
                  `${name}(${JSON.stringify(input)}) threw: ${e instanceof Error ? e.message : String(e)}`,
                );
              }
              if (result && result.ok !== true) {
                expect(typeof result.message, `${name} ${JSON.stringify(input)}`).toBe("string");
                expect(await tableSnapshot(t.db), `${name} ${JSON.stringify(input)}`).toEqual(before);
              }
            },
          ),
          { numRuns: RUNS, seed: 20261125 },
        );
      }
    });
  }
});
