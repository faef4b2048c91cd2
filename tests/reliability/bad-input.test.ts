import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sql } from "drizzle-orm";
import { seedDemo } from "@/db/seed";
import type { CurrentUser } from "@/lib/auth/session";
import { systemActor } from "@/lib/auth/actor";
import * as claimantDiscardRoute from "@/app/api/v1/claimants/[id]/discard-changes/route";
import * as claimantPublishRoute from "@/app/api/v1/claimants/[id]/publish/route";
import * as disputeDiscardRoute from "@/app/api/v1/disputes/[id]/discard-changes/route";
import * as disputePublishRoute from "@/app/api/v1/disputes/[id]/publish/route";
import * as documentDiscardRoute from "@/app/api/v1/documents/[id]/discard-changes/route";
import * as documentPublishRoute from "@/app/api/v1/documents/[id]/publish/route";
import * as factCheckImportRoute from "@/app/api/v1/fact-checks/import/route";
import * as webhooksRoute from "@/app/api/v1/webhooks/route";
import { getRecordChanges } from "@/db/queries/record-changes";
import type { Actor } from "@/lib/auth/actor";
import { createClaimant } from "@/lib/services/claimants/create-claimant";
import { createDispute } from "@/lib/services/disputes/create-dispute";
import { importDocument } from "@/lib/services/documents/import-document";
import { createApiToken } from "@/lib/services/tokens/create-token";
import { transitionVerdict } from "@/lib/services/verdicts/transition-verdict";
import { queryRow } from "@/db/sql";
import { createTestDb, tableSnapshot, type TestDb } from "../support/db";
import { changeRecord, KINDS, publicRecords, recordVersion, SEGMENT, type RecordKind } from "./support/public-records";

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

// The request's headers, as the front door stamps them (the password form throttles by the client's address), and
// no cookies.
vi.mock("next/headers", async () => {
  const { CLIENT_ADDRESS_HEADER, stampedAddress } = await import("@/lib/http/client-address");
  return {
    headers: async () => new Headers({ [CLIENT_ADDRESS_HEADER]: stampedAddress("203.0.113.1") }),
    cookies: async () => ({ get: () => undefined }),
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
  session.user = { ...admin, role: "admin", locale: null, actor: { kind: "user", userId: admin.id } };
  token = (await createApiToken(systemActor(), { forEmail: admin.email, scope: "write" })).token;
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
  // Names that reach an object's prototype when used as keys (a form's fields are read into objects).
  "__proto__",
  "label@__proto__",
  "description@__proto__",
  "constructor",
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
  "events",
  "secret",
  "active",
  "description",
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
    "limit",
    "offset",
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
              // No field name reaches every object's prototype.
              expect(Object.keys(Object.prototype), `${name} ${JSON.stringify(input)}`).toEqual([]);
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

/**
 * Publishing and discarding a public claimant's, document's or dispute's changes, with input close to valid, which
 * random input seldom is: the version the desk shows, a stale one or junk; a note of any length or type; a key too
 * many; the id of a record with changes waiting, with none, not yet public (which a second editor may publish, but
 * not discard), or no record at all. Never a 5xx, always the error shape, nothing changed when refused; and when
 * accepted, readers see the desk's copy (nothing is left waiting). The changes are a contributor's, so that the
 * admin calling may publish them.
 */
describe("near-valid input to publishing and discarding a claimant's, document's or dispute's changes", () => {
  const ROUTES = {
    claimant: { publish: claimantPublishRoute.POST, "discard-changes": claimantDiscardRoute.POST },
    document: { publish: documentPublishRoute.POST, "discard-changes": documentDiscardRoute.POST },
    dispute: { publish: disputePublishRoute.POST, "discard-changes": disputeDiscardRoute.POST },
  } as const;
  let writer: Actor;
  let reviewer: Actor;
  /** Public records, their changes not yet published; one is made again once a call publishes or discards them. */
  let changed: Record<RecordKind, number> | null = null;
  /** Public records with nothing to publish, and records no published verdict shows. */
  let unchanged: Record<RecordKind, number>;
  let unpublished: Record<RecordKind, number> | null = null;
  const userId = async (email: string) =>
    (await queryRow<{ id: number }>(t.db, sql`select id from users where email = ${email}`))!.id;
  const makePublic = () =>
    publicRecords(writer, async (verdictId) => {
      const step = async (by: Actor, name: string) =>
        transitionVerdict(by, { verdictId, step: name, version: (await verdictVersion(verdictId))! });
      await step(writer, "submit");
      await step(reviewer, "publish");
    });
  const verdictVersion = async (id: number) =>
    (await queryRow<{ version: number }>(t.db, sql`select version from verdicts where id = ${id}`))?.version;
  const withChanges = async () => {
    if (!changed) {
      const records = await makePublic();
      for (const kind of KINDS) await changeRecord(writer, kind, records[kind]);
      changed = records;
    }
    return changed;
  };

  beforeAll(async () => {
    writer = { kind: "user", userId: await userId("contributor@claimdesk.test") };
    reviewer = { kind: "user", userId: await userId("reviewer@claimdesk.test") };
    unchanged = await makePublic();
  });
  /** Records no published verdict shows (a publication makes them public: they are made again). */
  const notYetPublic = async () => {
    if (!unpublished) {
      const claimant = await createClaimant(writer, { name: "Not yet public" });
      const document = await importDocument(writer, { title: "Not yet public", text: "Nobody has checked this yet." });
      const dispute = await createDispute(writer, { question: "Is this public yet?" });
      unpublished = { claimant: claimant.id, document: document.id, dispute: dispute.id };
    }
    return unpublished;
  };

  const targetArb = fc.oneof(
    { weight: 4, arbitrary: fc.constant("changed" as const) },
    fc.constantFrom("unchanged" as const, "unpublished" as const, "other kind" as const),
    idArb,
  );
  // Each key is left out now and then (undefined); the usable values are the likelier, so that calls get through.
  const absent = { weight: 1, arbitrary: fc.constant(undefined) };
  /** A body the routes nearly take, or any of the random and malformed ones above. */
  const sentArb = fc.oneof(
    {
      weight: 3,
      arbitrary: fc
        .record({
          version: fc.oneof(
            { weight: 6, arbitrary: fc.constant("current" as const) },
            fc.constant("stale"),
            absent,
            valueArb,
          ),
          note: fc.oneof(
            { ...absent, weight: 3 },
            fc.string({ maxLength: 60 }),
            fc.constant("x".repeat(2001)),
            valueArb,
          ),
          // `kind` and `id` come from the path, whatever the body says; the others are keys too many.
          extra: fc.oneof({ ...absent, weight: 4 }, fc.constantFrom("kind", "id", "seq", "changes", "title")),
        })
        .map((near) => ({ near })),
    },
    bodyArb.map((raw) => ({ raw })),
  );

  for (const kind of KINDS) {
    const other = KINDS[(KINDS.indexOf(kind) + 1) % KINDS.length]!;
    for (const action of ["publish", "discard-changes"] as const) {
      it(`POST /api/v1/${SEGMENT[kind]}/{id}/${action}: never a 5xx, the error shape, nothing changed when refused`, async () => {
        await fc.assert(
          fc.asyncProperty(targetArb, sentArb, async (target, sent) => {
            const records = await withChanges();
            const named = {
              changed: records[kind],
              unchanged: unchanged[kind],
              unpublished: (await notYetPublic())[kind],
              "other kind": records[other],
            } as Record<string, number>;
            const isNamed = Object.hasOwn(named, target); // not `in`: a random id may be "constructor"
            const id = isNamed ? String(named[target]) : target;
            let body: { kind: string; value: unknown };
            if ("raw" in sent) body = sent.raw;
            else {
              const { version, note, extra } = sent.near;
              // The version of the record named (another kind's, for that kind's id); 1 for a junk id.
              const current = isNamed ? await recordVersion(target === "other kind" ? other : kind, named[target]!) : 1;
              const value: Record<string, unknown> = {};
              if (version !== undefined)
                value.version = version === "current" ? current : version === "stale" ? current - 1 : version;
              if (note !== undefined) value.note = note;
              if (extra) value[extra] = extra === "kind" ? other : 1;
              body = { kind: "json", value };
            }
            const url = `/api/v1/${SEGMENT[kind]}/${encodeURIComponent(id)}/${action}`;
            const what = `POST ${url} ${JSON.stringify(body)}`;
            const before = await tableSnapshot(t.db);
            const res = await ROUTES[kind][action](requestFor(url, "POST", body), { params: Promise.resolve({ id }) });
            await checkAnswer(res, before, what);
            if (res.status < 300) {
              // Accepted: only a record with changes waiting (or, to be published, one never published), and now
              // nothing is waiting.
              expect(action === "publish" ? ["changed", "unpublished"] : ["changed"], what).toContain(target);
              expect((await getRecordChanges(kind, Number(id)))?.changes, what).toEqual([]);
              if (target === "changed") changed = null;
              else unpublished = null;
            }
          }),
          { numRuns: RUNS, seed: 20261125 },
        );
      });
    }
  }
});

/**
 * Importing known fact-checks, with files close to valid, which random input seldom is: ClaimReviews (alone, in a list,
 * a DataFeed or a @graph) and a search API's claims, with a few fields replaced by random or malformed values. Never a
 * 5xx, always the error shape, nothing changed when refused; when accepted, every review of the file is accounted for.
 */
describe("near-valid input to the fact-check import", () => {
  const fields = fc.constantFrom(
    "@type",
    "url",
    "claimReviewed",
    "author",
    "reviewRating",
    "itemReviewed",
    "datePublished",
    "inLanguage",
    "name",
  );
  const reviewArb = fc
    .record({ n: fc.nat(50), changed: fc.dictionary(fields, valueArb, { maxKeys: 3 }) })
    .map(({ n, changed }) => ({
      "@type": "ClaimReview",
      url: `https://factcheck.example/fuzz/${n}`,
      claimReviewed: "The bridge was closed for a week.",
      author: { "@type": "Organization", name: "Example Fact Check" },
      reviewRating: { "@type": "Rating", alternateName: "False" },
      ...changed,
    }));
  const searchApiArb = fc
    .record({
      text: fc.oneof(fc.constant("The river rose two metres."), valueArb),
      claimDate: fc.oneof(fc.constant("2022-11-12T00:00:00Z"), valueArb),
      claimReview: fc.array(
        fc.record({
          url: fc.oneof(
            fc.nat(50).map((n) => `https://checker.example/fuzz/${n}`),
            valueArb,
          ),
          publisher: fc.oneof(fc.constant({ name: "Checker", site: "checker.example" }), valueArb),
          textualRating: fc.oneof(fc.constant("False"), valueArb),
          languageCode: fc.oneof(fc.constant("en"), valueArb),
        }),
        { maxLength: 3 },
      ),
    })
    .map((claim) => ({ claims: [claim] }));
  const reviews = fc.array(reviewArb, { maxLength: 4 });
  const fileArb = fc.oneof(
    reviewArb,
    reviews,
    reviews.map((items) => ({
      "@type": "DataFeed",
      dataFeedElement: items.map((item) => ({ "@type": "DataFeedItem", item })),
    })),
    reviews.map((graph) => ({ "@context": "https://schema.org", "@graph": graph })),
    searchApiArb,
  );

  it("POST /api/v1/fact-checks/import: never a 5xx, the error shape, nothing changed when refused", async () => {
    const answered = { accepted: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fileArb, async (file) => {
        const what = `POST /api/v1/fact-checks/import ${JSON.stringify(file)}`;
        const before = await tableSnapshot(t.db);
        const res = await factCheckImportRoute.POST(
          requestFor("/api/v1/fact-checks/import", "POST", { kind: "json", value: file }),
          { params: Promise.resolve({}) },
        );
        answered[res.status === 200 ? "accepted" : "refused"]++;
        if (res.status === 200) {
          const { reviews, counts } = (await res.clone().json()) as { reviews: number; counts: Record<string, number> };
          expect(
            Object.values(counts).reduce((a, b) => a + b, 0),
            what,
          ).toBe(reviews);
        }
        await checkAnswer(res, before, what);
      }),
      { numRuns: RUNS * 5, seed: 20261125 },
    );
    // The files are near enough to valid to reach the writes, and far enough to be refused.
    expect(answered.accepted).toBeGreaterThan(0);
    expect(answered.refused).toBeGreaterThan(0);
  });
});

/**
 * Registering a webhook endpoint, with bodies close to valid: URLs public, private, local, unresolvable, with
 * credentials or not http(s); events valid, repeated, unknown or none; secrets of every length; descriptions of any
 * kind. Never a 5xx, always the error shape, nothing changed when refused; when accepted, the endpoint is listed
 * without its secret.
 */
describe("near-valid input to registering a webhook endpoint", () => {
  const urlArb = fc.oneof(
    fc.constantFrom(
      "https://93.184.216.34/hook",
      "http://93.184.216.34:8080/hook?x=1",
      "http://10.1.2.3/hook",
      "http://127.0.0.1:9/hook",
      "http://localhost/hook",
      "http://[::1]/hook",
      "http://[::ffff:127.0.0.1]/hook",
      "http://169.254.169.254/latest",
      "http://user:pw@93.184.216.34/",
      "ftp://93.184.216.34/",
      "http://no-such-host.invalid/",
      "not a url",
    ),
    valueArb,
  );
  const eventsArb = fc.oneof(
    fc.subarray(["claim.created", "claim.assigned", "verdict.published", "verdict.retracted"], { minLength: 1 }),
    fc.array(fc.constantFrom("claim.created", "claim.deleted", "", "CLAIM.CREATED"), { maxLength: 3 }),
    valueArb,
  );
  const secretArb = fc.oneof(
    { weight: 2, arbitrary: fc.constant(undefined) },
    fc.string({ minLength: 10, maxLength: 300 }),
    fc.constantFrom("s".repeat(16), "s".repeat(256), "s".repeat(257), "with spaces in it ok", "tab\tseparated-secret"),
    valueArb,
  );
  const descriptionArb = fc.oneof(fc.constant(undefined), fc.string({ maxLength: 600 }), valueArb);

  it("POST /api/v1/webhooks: never a 5xx, the error shape, nothing changed when refused", async () => {
    const answered = { accepted: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(urlArb, eventsArb, secretArb, descriptionArb, async (url, events, secret, description) => {
        const value = Object.fromEntries(
          Object.entries({ url, events, secret, description }).filter(([, v]) => v !== undefined),
        );
        const what = `POST /api/v1/webhooks ${JSON.stringify(value)}`;
        const before = await tableSnapshot(t.db);
        const res = await webhooksRoute.POST(requestFor("/api/v1/webhooks", "POST", { kind: "json", value }), {
          params: Promise.resolve({}),
        });
        answered[res.status === 201 ? "accepted" : "refused"]++;
        if (res.status === 201) {
          const { webhook, secret: shown } = (await res.clone().json()) as { webhook: { id: number }; secret: string };
          const list = await webhooksRoute.GET(requestFor("/api/v1/webhooks", "GET", null), {
            params: Promise.resolve({}),
          });
          const listed = await list.text();
          expect(listed, what).toContain(`"id":${webhook.id}`);
          expect(listed, what).not.toContain(shown ?? (secret as string));
        }
        await checkAnswer(res, before, what);
      }),
      { numRuns: RUNS * 3, seed: 20261125 },
    );
    expect(answered.accepted).toBeGreaterThan(0);
    expect(answered.refused).toBeGreaterThan(0);
  });
});
