import fs from "node:fs";
import os from "node:os";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { sql } from "drizzle-orm";
import * as exportRoute from "@/app/api/v1/exports/[format]/route";
import { getRecordChanges, type RecordKind } from "@/db/queries/record-changes";
import { rateLimits } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { queryRow } from "@/db/sql";
import { systemActor, type Actor } from "@/lib/auth/actor";
import { getEnv } from "@/lib/config/env";
import { EXPORT_FORMATS } from "@/lib/exports/run-export";
import { siteCopyBuildCount } from "@/lib/exports/site-copy";
import { ANONYMOUS_STREAMS } from "@/lib/exports/anonymous-limit";
import { addressBucket, CLIENT_ADDRESS_HEADER, stampedAddress } from "@/lib/http/client-address";
import { updateClaimant } from "@/lib/services/claimants/update-claimant";
import { updateDispute } from "@/lib/services/disputes/update-dispute";
import { updateDocumentMetadata } from "@/lib/services/documents/update-document-metadata";
import { publishRecordChanges } from "@/lib/services/publication/record-changes";
import { createRating } from "@/lib/services/ratings/manage-ratings";
import { createApiToken } from "@/lib/services/tokens/create-token";
import { updateUser } from "@/lib/services/users/update-user";
import { transitionVerdict } from "@/lib/services/verdicts/transition-verdict";
import { updateVerdict } from "@/lib/services/verdicts/update-verdict";
import { createTestDb, type TestDb } from "../support/db";
import { folded, readPdf } from "../support/pdf";
import { publicRecords } from "./support/public-records";

/**
 * Whole-site exports by anonymous callers cannot be made to cost the server one build each: a published-only export
 * of everything is built once per publication state (and format) in each server process and served from that copy,
 * and anonymous export requests are limited per client address (EXPORT_RATE_LIMIT a minute, 10 by default; then 429
 * with Retry-After). The front door stamps each request's client address; the tests call the route as Next does and
 * stamp it themselves (documentation addresses: no traffic goes anywhere).
 */

let t: TestDb;
let contributor: Actor;
let editor: Actor;
let reviewer: Actor;
let admin: Actor;
let token = "";

const LIMIT = 10;
let addresses = 0;
/** A client address not used before in this file (each in a /64 of its own: limits count an IPv6 client by it). */
const newAddress = () => `2001:db8:${(++addresses).toString(16)}::1`;

const userId = async (email: string) =>
  (await queryRow<{ id: number }>(t.db, sql`select id from users where email = ${email}`))!.id;
const versionOf = async (verdictId: number) =>
  (await queryRow<{ version: number }>(t.db, sql`select version from verdicts where id = ${verdictId}`))!.version;
const step = async (by: Actor, verdictId: number, name: string, extra: object = {}) =>
  transitionVerdict(by, { verdictId, step: name, version: await versionOf(verdictId), ...extra });

/** A new claimant, document and dispute, made public by a new claim's published verdict; with its statement. */
async function publishNewClaim() {
  const records = await publicRecords(contributor, async (verdictId) => {
    await step(contributor, verdictId, "submit");
    await step(reviewer, verdictId, "publish");
  });
  const { statement } = (await queryRow<{ statement: string }>(
    t.db,
    sql`select statement from claims where id = ${records.claimId}`,
  ))!;
  const { verdictId } = (await queryRow<{ verdictId: number }>(
    t.db,
    sql`select id as "verdictId" from verdicts where claim_id = ${records.claimId} and state = 'published'`,
  ))!;
  return { ...records, statement, verdictId };
}

/** A reviewed change of a public claimant's, document's or dispute's details: edited on the desk, then published. */
async function publishRecordChange(kind: RecordKind, id: number, edit: () => Promise<unknown>) {
  await edit();
  const changes = (await getRecordChanges(kind, id))!;
  await publishRecordChanges(reviewer, { kind, id, version: changes.version });
}

type Answer = { status: number; headers: Headers; bytes: Buffer; text: string };

/** An export request as the front door hands it to the route: from `address`, with a token when one is given. */
async function exportAs(
  format: string,
  opts: { query?: string; address?: string; token?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.address !== undefined) headers[CLIENT_ADDRESS_HEADER] = stampedAddress(opts.address);
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  const res = await exportRoute.GET(
    new Request(`http://localhost/api/v1/exports/${format}${opts.query ?? ""}`, { headers }),
    { params: Promise.resolve({ format }) },
  );
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, bytes, text: bytes.toString("utf8") };
}

/** The copies this process keeps on disk: the files in its folder of the temporary folder. */
function copyFiles(): string[] {
  const folders = fs
    .readdirSync(os.tmpdir())
    .filter((name) => name.startsWith("claimdesk-exports-") && name.includes(`-${process.pid}-`));
  return folders.flatMap((folder) => fs.readdirSync(`${os.tmpdir()}/${folder}`));
}

const RATE_LIMITED =
  /^Too many anonymous export requests from your address: try again in \d+ seconds, or sign in \/ use an API token\.$/;

function expectRefused(answer: Answer) {
  expect(answer.status).toBe(429);
  expect(Number(answer.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  expect(Number(answer.headers.get("retry-after"))).toBeLessThanOrEqual(60);
  expect(JSON.parse(answer.text)).toEqual({
    error: { code: "rate_limited", message: expect.stringMatching(RATE_LIMITED) },
  });
}

/** The minute of every address's count passes. */
const endWindows = () =>
  t.database.transaction((tx) => tx.update(rateLimits).set({ resetAt: new Date(Date.now() - 1000) }));

beforeAll(async () => {
  t = await createTestDb();
  await seedDemo(t.db);
  contributor = { kind: "user", userId: await userId("contributor@claimdesk.test") };
  editor = { kind: "user", userId: await userId("editor@claimdesk.test") };
  reviewer = { kind: "user", userId: await userId("reviewer@claimdesk.test") };
  admin = { kind: "user", userId: await userId("admin@claimdesk.test") };
  token = (await createApiToken(systemActor(), { forEmail: "editor@claimdesk.test" })).token;
  expect(getEnv().exportRateLimit).toBe(LIMIT); // the default
});
afterEach(() => {
  vi.restoreAllMocks();
});
afterAll(async () => {
  await t.close();
});

describe("a whole-site export requested many times at once", () => {
  it("should answer 30 parallel anonymous PDF exports from one address from one build: the same PDF, or 429", async () => {
    const { statement } = await publishNewClaim(); // a publication state no copy was built for
    const write = vi.spyOn(EXPORT_FORMATS.pdf, "write");
    const builds = siteCopyBuildCount();
    const address = newAddress();
    const answers = await Promise.all(Array.from({ length: 30 }, () => exportAs("pdf", { address })));

    const served = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => a.status !== 200);
    expect(served).toHaveLength(LIMIT);
    refused.forEach(expectRefused);
    for (const a of served) expect(a.bytes.equals(served[0]!.bytes)).toBe(true);
    expect(Number(served[0]!.headers.get("content-length"))).toBe(served[0]!.bytes.length);
    expect(served[0]!.headers.get("content-type")).toBe("application/pdf");
    const pdf = await readPdf(served[0]!.bytes);
    expect(pdf.title).toBe("Verdict report — Everything");
    expect(pdf.text).toContain(folded(statement));
    expect(pdf.text).toContain("Corrections log");
    expect(write).toHaveBeenCalledTimes(1);
    expect(siteCopyBuildCount() - builds).toBe(1);
  });

  it("should answer 30 parallel anonymous PDF exports from 30 addresses all from one build", async () => {
    const { statement } = await publishNewClaim();
    const write = vi.spyOn(EXPORT_FORMATS.pdf, "write");
    const answers = await Promise.all(Array.from({ length: 30 }, () => exportAs("pdf", { address: newAddress() })));
    expect(answers.map((a) => a.status)).toEqual(Array(30).fill(200));
    for (const a of answers) expect(a.bytes.equals(answers[0]!.bytes)).toBe(true);
    expect((await readPdf(answers[0]!.bytes)).text).toContain(folded(statement));
    expect(write).toHaveBeenCalledTimes(1);
  });

  it("should serve signed-in callers and API tokens from the same copy", async () => {
    const anonymous = await exportAs("csv", { address: newAddress() });
    const write = vi.spyOn(EXPORT_FORMATS.csv, "write");
    const withToken = await exportAs("csv", { address: newAddress(), token });
    expect(withToken.status).toBe(200);
    expect(withToken.bytes.equals(anonymous.bytes)).toBe(true);
    expect(write).not.toHaveBeenCalled();
  });
});

describe("the copy of a whole-site export", () => {
  it("should be served until a publication, then built again with it", async () => {
    const first = await exportAs("csv", { address: newAddress() });
    const write = vi.spyOn(EXPORT_FORMATS.csv, "write");
    const again = await exportAs("csv", { address: newAddress() });
    expect(again.bytes.equals(first.bytes)).toBe(true);
    expect(again.headers.get("etag")).toBe(first.headers.get("etag"));
    // Open data that caches in front may keep a minute, like the public pages; dated by its build.
    expect(again.headers.get("cache-control")).toBe("public, max-age=60, stale-while-revalidate=30");
    expect(again.headers.get("access-control-allow-origin")).toBe("*");
    const lastModified = Date.parse(again.headers.get("last-modified")!);
    expect(again.headers.get("content-disposition")).toBe(
      `attachment; filename="claimdesk-csv-${new Date(lastModified).toISOString().slice(0, 10)}.csv"`,
    );
    // A cache that has it gets 304.
    const revalidated = await exportAs("csv", {
      address: newAddress(),
      headers: { "if-none-match": first.headers.get("etag")! },
    });
    expect(revalidated.status).toBe(304);
    expect(revalidated.bytes).toHaveLength(0);
    // Work on the desk that readers do not see yet changes nothing.
    const claimant = (await queryRow<{ id: number }>(
      t.db,
      sql`select id from claimants where slug = 'sergei-lavrov'`,
    ))!;
    await updateClaimant(editor, { claimantId: claimant.id, name: "Sergei V. Lavrov" });
    expect((await exportAs("csv", { address: newAddress() })).bytes.equals(first.bytes)).toBe(true);
    expect(write).not.toHaveBeenCalled();

    const { statement } = await publishNewClaim();
    const after = await exportAs("csv", { address: newAddress() });
    expect(write).toHaveBeenCalledTimes(1);
    expect(after.text).toContain(statement);
    expect(first.text).not.toContain(statement);
    expect(after.headers.get("etag")).not.toBe(first.headers.get("etag"));
    expect(Date.parse(after.headers.get("last-modified")!)).toBeGreaterThanOrEqual(lastModified);
    expect((await exportAs("csv", { address: newAddress() })).bytes.equals(after.bytes)).toBe(true);
    expect(write).toHaveBeenCalledTimes(1);
  });

  // Every kind of change that alters a published export, each in the format that shows it.
  const CHANGES: {
    name: string;
    format: string;
    change: (r: Awaited<ReturnType<typeof publishNewClaim>>) => Promise<{ shows: string | RegExp; gone?: string }>;
  }[] = [
    {
      name: "a published correction (and the PDF's corrections log)",
      format: "pdf",
      change: async (r) => {
        const draft = await step(editor, r.verdictId, "correct");
        await updateVerdict(editor, { verdictId: draft.id, version: draft.version, summary: "Three more years." });
        await step(editor, draft.id, "submit");
        await step(reviewer, draft.id, "publish", { note: `We corrected the estimate of claim ${r.claimId}.` });
        return { shows: `We corrected the estimate of claim ${r.claimId}.` };
      },
    },
    {
      name: "a retraction",
      format: "claimreview",
      change: async (r) => {
        await step(reviewer, r.verdictId, "retract", { reason: "The quote could not be confirmed." });
        return { shows: /^\[/, gone: r.statement };
      },
    },
    {
      name: "a claimant's published new name",
      format: "csv",
      change: async (r) => {
        const name = `Minister of Bridges ${r.claimant}`;
        await publishRecordChange("claimant", r.claimant, () =>
          updateClaimant(contributor, { claimantId: r.claimant, name }),
        );
        return { shows: name };
      },
    },
    {
      name: "a document's published new title",
      format: "csv",
      change: async (r) => {
        const title = `Bridge hearing ${r.document}`;
        await publishRecordChange("document", r.document, () =>
          updateDocumentMetadata(contributor, { documentId: r.document, title }),
        );
        return { shows: title };
      },
    },
    {
      name: "a dispute's published new question",
      format: "json",
      change: async (r) => {
        const question = `When will bridge ${r.dispute} really reopen?`;
        await publishRecordChange("dispute", r.dispute, () =>
          updateDispute(contributor, { disputeId: r.dispute, question }),
        );
        return { shows: question };
      },
    },
    {
      name: "a reviewer's new name",
      format: "json",
      change: async () => {
        const user = await userId("reviewer@claimdesk.test");
        await updateUser(admin, { userId: user, name: "Rafaela Reviewer" });
        return { shows: '"reviewerName":"Rafaela Reviewer"' };
      },
    },
    {
      name: "the rating scale (ClaimReview's bounds)",
      format: "claimreview",
      change: async () => {
        await createRating(admin, { label: "Entirely true", colour: "#1a7f37", ordinal: 7 });
        return { shows: '"bestRating":7' };
      },
    },
  ];

  it.each(CHANGES)("should be built again after $name", async ({ format, change }) => {
    const r = await publishNewClaim();
    const before = await exportAs(format, { address: newAddress() });
    expect(before.status).toBe(200);
    const write = vi.spyOn(EXPORT_FORMATS[format as keyof typeof EXPORT_FORMATS], "write");
    const { shows, gone } = await change(r);
    const after = await exportAs(format, { address: newAddress() });
    expect(after.status).toBe(200);
    expect(write).toHaveBeenCalledTimes(1);
    const text = format === "pdf" ? (await readPdf(after.bytes)).text : after.text;
    if (typeof shows === "string") expect(text).toContain(shows);
    else expect(text).toMatch(shows);
    if (gone) expect(text).not.toContain(gone);
    // …and served as it is from then on.
    expect((await exportAs(format, { address: newAddress() })).bytes.equals(after.bytes)).toBe(true);
    expect(write).toHaveBeenCalledTimes(1);
  });

  it("should keep the W3C collection and its page apart", async () => {
    const collection = JSON.parse((await exportAs("w3c", { address: newAddress() })).text) as {
      type: string;
      first: { id: string; items: unknown[] };
    };
    const page = JSON.parse((await exportAs("w3c", { query: "?page=1", address: newAddress() })).text) as {
      type: string;
      id: string;
      items: unknown[];
    };
    expect([collection.type, page.type]).toEqual(["AnnotationCollection", "AnnotationPage"]);
    expect(page.id).toBe(collection.first.id);
    expect(page.items).toEqual(collection.first.items);
  });

  it("should be built again when a publication lands during its build, at the next request", async () => {
    await publishNewClaim();
    const original = EXPORT_FORMATS.json.write;
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const write = vi.spyOn(EXPORT_FORMATS.json, "write").mockImplementationOnce((job) =>
      (async function* () {
        await held;
        yield* original(job);
      })(),
    );
    const during = exportAs("json", { address: newAddress() });
    await vi.waitFor(() => expect(write).toHaveBeenCalledTimes(1));
    const { statement } = await publishNewClaim();
    release();
    expect((await during).status).toBe(200);
    // The build began before the publication: whatever it read, the next request builds again, with it.
    const next = await exportAs("json", { address: newAddress() });
    expect(write).toHaveBeenCalledTimes(2);
    expect(next.text).toContain(statement);
  });

  it("should not keep a build that failed: the requests waiting for it get 500, and the next request builds again", async () => {
    const { statement } = await publishNewClaim();
    vi.spyOn(console, "error").mockImplementation(() => {});
    let fail = () => {};
    const failing = new Promise<void>((resolve) => (fail = resolve));
    const write = vi.spyOn(EXPORT_FORMATS.json, "write").mockImplementationOnce(() =>
      (async function* () {
        yield '{"claims": [';
        await failing;
        throw new Error("the database went away");
      })(),
    );
    const address = newAddress();
    const requests = Array.from({ length: 5 }, () => exportAs("json", { address }));
    // Once the five have been counted (and so are past the limit), they are waiting for the one build.
    await vi.waitFor(async () => {
      const row = await queryRow<{ hits: number }>(
        t.db,
        sql`select hits from rate_limits where key like ${`%${addressBucket(address)}`}`,
      );
      expect(row?.hits).toBe(5);
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    fail();
    const failed = await Promise.all(requests);
    expect(failed.map((a) => a.status)).toEqual(Array(5).fill(500));
    expect(JSON.parse(failed[0]!.text)).toEqual({
      error: { code: "internal_error", message: "Something went wrong on our side." },
    });
    expect(write).toHaveBeenCalledTimes(1);
    const next = await exportAs("json", { address: newAddress() });
    expect(next.status).toBe(200);
    expect((JSON.parse(next.text) as { claims: { statement: string }[] }).claims.map((c) => c.statement)).toContain(
      statement,
    );
    expect(write).toHaveBeenCalledTimes(2);
  });

  it("should keep one file per format on disk, however many times it is built again", async () => {
    expect((await exportAs("csv", { address: newAddress() })).status).toBe(200);
    const files = copyFiles();
    expect(files.length).toBeGreaterThan(0);
    for (let i = 0; i < 3; i++) {
      await publishNewClaim();
      expect((await exportAs("csv", { address: newAddress() })).status).toBe(200);
    }
    // The replaced copies are removed: as many files as before, the CSV's a new one.
    await vi.waitFor(() => expect(copyFiles()).toHaveLength(files.length));
    expect(copyFiles()).not.toEqual(files);
  });
});

describe("the limit on anonymous export requests", () => {
  it("should refuse the 11th request a minute from one address with 429 and Retry-After, and that address only", async () => {
    const address = newAddress();
    for (let i = 0; i < LIMIT; i++) expect((await exportAs("csv", { address })).status).toBe(200);
    expectRefused(await exportAs("csv", { address }));
    expectRefused(await exportAs("pdf", { address })); // every format counts
    expect((await exportAs("csv", { address: newAddress() })).status).toBe(200);
    // Signed-in callers and tokens are not limited, whatever their address.
    for (let i = 0; i < LIMIT + 5; i++) expect((await exportAs("csv", { address, token })).status).toBe(200);
    // The minute passes: the address may export again.
    await endWindows();
    expect((await exportAs("csv", { address })).status).toBe(200);
  });

  it("should count requests without a stamped address as one unknown client", async () => {
    await endWindows();
    for (let i = 0; i < LIMIT; i++) expect((await exportAs("csv")).status).toBe(200);
    expectRefused(await exportAs("csv"));
    expect((await exportAs("csv", { address: newAddress() })).status).toBe(200);
  });

  it("should count scoped exports, which are built for each request and not copied", async () => {
    const address = newAddress();
    const write = vi.spyOn(EXPORT_FORMATS.csv, "write");
    const builds = siteCopyBuildCount();
    for (let i = 0; i < 4; i++) {
      const scoped = await exportAs("csv", { query: "?document=mariupol-talks-2022-03-10", address });
      expect(scoped.status).toBe(200);
      expect(scoped.headers.get("cache-control")).toBe("no-store");
      expect(scoped.text).toContain("those killed were not civilians");
    }
    expect(write).toHaveBeenCalledTimes(4);
    expect(siteCopyBuildCount()).toBe(builds);
    // Refused requests count too: an unknown scope, an unknown format, unpublished work without a caller.
    expect((await exportAs("csv", { query: "?document=no-such-article", address })).status).toBe(404);
    expect((await exportAs("docx", { address })).status).toBe(404);
    expect((await exportAs("csv", { query: "?includeDrafts=1", address })).status).toBe(401);
    for (let i = 0; i < LIMIT - 7; i++) expect((await exportAs("csv", { address })).status).toBe(200);
    expectRefused(await exportAs("csv", { query: "?document=mariupol-talks-2022-03-10", address }));
    expectRefused(await exportAs("csv", { address }));
  });

  it("should write at most a few scoped exports for anonymous callers at once, a date range as large as the site too", async () => {
    // Exports that take their time: each writes its first part, then waits until the test lets it go on.
    let goOn = () => {};
    const gate = new Promise<void>((resolve) => (goOn = resolve));
    vi.spyOn(EXPORT_FORMATS.csv, "write").mockImplementation(() =>
      (async function* () {
        yield "statement,rating\n";
        await gate;
        yield "the rest\n";
      })(),
    );
    const request = (address: string, method = "GET") =>
      exportRoute.GET(
        new Request("http://localhost/api/v1/exports/csv?from=1970-01-01", {
          method,
          headers: { [CLIENT_ADDRESS_HEADER]: stampedAddress(address) },
        }),
        { params: Promise.resolve({ format: "csv" }) },
      );
    const open = [];
    for (let i = 0; i < ANONYMOUS_STREAMS; i++) open.push(await request(newAddress()));
    expect(open.map((r) => r.status)).toEqual(open.map(() => 200));
    const busy = await request(newAddress());
    expect(busy.status).toBe(429);
    expect(busy.headers.get("retry-after")).toBe("10");
    expect((await busy.json()).error.message).toMatch(/busy writing other exports/);
    // A signed-in caller is not held back; a HEAD request writes nothing and takes no place.
    const signedIn = await exportRoute.GET(
      new Request("http://localhost/api/v1/exports/csv?from=1970-01-01", {
        headers: { authorization: `Bearer ${token}` },
      }),
      { params: Promise.resolve({ format: "csv" }) },
    );
    expect(signedIn.status).toBe(200);
    const head = await request(newAddress(), "HEAD");
    expect([head.status, head.body]).toEqual([200, null]);
    // An export written to its end, and one cancelled (a reader who went away), give their places back.
    goOn();
    expect(await open[0]!.text()).toBe("statement,rating\nthe rest\n");
    await open[1]!.body!.cancel();
    await signedIn.text();
    const again = [await request(newAddress()), await request(newAddress())];
    expect(again.map((r) => r.status)).toEqual([200, 200]);
    await Promise.all(again.map((r) => r.text()));
  });
});
