import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { dropDatabase, withClient } from "@/db/engines/postgres";

/**
 * Two production servers on one PostgreSQL database, as behind a load balancer: a publication through one shows on
 * the other at its next request — the kept claim page, the kept list, the feed, the API, the search and the sitemap —
 * and a retraction through the second stops the first showing the verdict at once. Both servers hold their own kept
 * pages; what they share is the database (and its `cache_invalidations`).
 */
const SERVER = process.env.TEST_DATABASE_URL;
const BASE_PORT = Number(process.env.E2E_PORT ?? 3100);
const PORTS = [BASE_PORT + 1, BASE_PORT + 2] as const;
const NAME = `claimdesk_e2e_multi_${randomBytes(4).toString("hex")}`;
const SECRET = "multi-instance-secret-0123456789-abcdef";

const url = () => {
  const u = new URL(SERVER!);
  u.pathname = `/${NAME}`;
  return u.toString();
};
const env = (port: number) => ({
  ...process.env,
  DATABASE_URL: url(),
  AUTH_SECRET: SECRET,
  PORT: String(port),
  HOST: "127.0.0.1",
  PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
  NEXT_TELEMETRY_DISABLED: "1",
});
const cli = (...args: string[]) =>
  execFileSync(process.execPath, ["--import", "tsx", "lib/cli/main.ts", ...args], { env: env(PORTS[0]) }).toString();

const servers: ChildProcess[] = [];
let tokens: { editor: string; reviewer: string };

test.beforeAll(async () => {
  test.setTimeout(120_000);
  expect(SERVER, "CI must give the browser tests a PostgreSQL server (TEST_DATABASE_URL)").toBeTruthy();
  await withClient(SERVER!, (c) => c.query(`create database "${NAME}"`));
  cli("seed");
  const token = (email: string) =>
    /cdk_[\w-]+/.exec(cli("token", "create", "--email", email, "--name", "e2e", "--scope", "write"))![0];
  tokens = { editor: token("editor@claimdesk.test"), reviewer: token("reviewer@claimdesk.test") };
  // Both start at once, as after a deploy: one migrates (the others wait for its lock), then both serve.
  for (const port of PORTS) {
    servers.push(
      spawn(process.execPath, ["--import", "tsx", "lib/cli/main.ts", "start", "--allow-demo-accounts"], {
        env: env(port),
        stdio: "ignore",
      }),
    );
  }
  for (const port of PORTS) {
    await expect(async () => {
      expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
    }).toPass({ timeout: 90_000 });
  }
});

test.afterAll(async () => {
  for (const server of servers) server.kill("SIGTERM");
  await Promise.all(servers.map((s) => new Promise((r) => (s.exitCode !== null ? r(null) : s.once("exit", r)))));
  if (SERVER) await withClient(SERVER, (c) => dropDatabase(c, NAME));
});

const base = (i: 0 | 1) => `http://127.0.0.1:${PORTS[i]}`;

/** Reads a path from one server; a kept page says so in `x-nextjs-cache`. */
async function read(request: APIRequestContext, i: 0 | 1, path: string) {
  const res = await request.get(base(i) + path, { headers: { "cache-control": "no-cache" } });
  return { status: res.status(), text: await res.text(), cache: res.headers()["x-nextjs-cache"] };
}

/** A workflow step on a claim's verdict in `state`, through one server's API, as an editor with a token. */
async function step(
  request: APIRequestContext,
  i: 0 | 1,
  token: string,
  claimId: number,
  state: string,
  name: string,
  body = {},
) {
  const headers = { authorization: `Bearer ${token}` };
  const record = (await (await request.get(`${base(i)}/api/v1/claims/${claimId}`, { headers })).json()) as {
    claim: { versions: { id: number; version: number; state: string }[] };
  };
  const verdict = record.claim.versions.find((v) => v.state === state)!;
  const res = await request.post(`${base(i)}/api/v1/verdicts/${verdict.id}/${name}`, {
    headers,
    data: { version: verdict.version, ...body },
  });
  expect(res.status(), await res.text()).toBe(200);
}

test("a publication on one server and a retraction on the other show everywhere at the next request", async ({
  request,
}) => {
  const inReview = (await (
    await request.get(`${base(0)}/api/v1/claims?status=in_review`, {
      headers: { authorization: `Bearer ${tokens.editor}` },
    })
  ).json()) as { claims: { id: number; slug: string; statement: string }[] };
  const claim = inReview.claims[0]!;
  const published = "/claims/those-killed-in-the-mariupol-maternity-hospital-strike-were";

  // Both servers keep what readers see now: the claim not yet public, the other one public, the list.
  for (const i of [0, 1] as const) {
    expect((await read(request, i, `/claims/${claim.slug}`)).status).toBe(404);
    await read(request, i, published);
    expect((await read(request, i, published)).cache).toBe("HIT");
    await read(request, i, "/claims");
    expect((await read(request, i, "/claims")).cache).toBe("HIT");
  }

  // Published through the first server…
  await step(request, 0, tokens.reviewer, claim.id, "in_review", "publish");
  // …the second shows it at once, everywhere.
  const page = await read(request, 1, `/claims/${claim.slug}`);
  expect(page.status).toBe(200);
  expect(page.text).toContain(claim.statement);
  expect((await read(request, 1, "/claims")).text).toContain(claim.statement);
  expect((await read(request, 1, "/feed.xml")).text).toContain(claim.statement);
  expect((await read(request, 1, "/feed.json")).text).toContain(claim.statement);
  expect((await read(request, 1, `/api/v1/claims/${claim.slug}`)).status).toBe(200);
  expect((await read(request, 1, "/api/v1/claims?q=emptied")).text).toContain(claim.slug);
  expect((await read(request, 1, "/claims?q=emptied")).text).toContain(claim.statement);
  expect((await read(request, 1, "/sitemap.xml")).text).toContain(`/claims/${claim.slug}`);

  // Retracted through the second server: the first stops showing the verdict at once.
  const live = (await (
    await request.get(`${base(1)}/api/v1/claims?status=published`, {
      headers: { authorization: `Bearer ${tokens.editor}` },
    })
  ).json()) as { claims: { id: number; slug: string }[] };
  const target = live.claims.find((c) => published.endsWith(c.slug))!;
  const before = await read(request, 0, published);
  expect(before.cache).toBe("HIT");
  expect(before.text).toContain("Three civilians");
  await step(request, 1, tokens.editor, target.id, "published", "retract", {
    reason: "Figures from a withdrawn source.",
  });
  const after = await read(request, 0, published);
  expect(after.cache).not.toBe("HIT");
  expect(after.text).toContain("Figures from a withdrawn source.");
  expect(after.text).not.toContain("Three civilians");
  const api = (await read(request, 0, `/api/v1/claims/${target.slug}`)).text;
  expect(api).not.toContain("Three civilians");
  expect((await read(request, 0, "/feed.xml")).text).not.toContain("Three civilians");
  expect((await read(request, 0, "/claims?q=civilians")).text).not.toContain("Three civilians");
  expect((await read(request, 0, "/claims")).text).not.toContain("Three civilians");
});
