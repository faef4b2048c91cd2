import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { THROTTLE_SERVER_PORT } from "./ports";

/**
 * What one client address may do, in a real production server of its own (these tests use up its address's
 * allowance, which the shared server under test must not see): the address is the connection's, whatever a client
 * writes in X-Forwarded-For or in the header the server uses inside (`x-claimdesk-client-address`); behind a proxy
 * that TRUST_PROXY names, X-Forwarded-For's address counts instead.
 * - Sign-in is throttled; the sign-in page says when to try again, and `user unlock --address` lifts it.
 * - Anonymous whole-site exports are built once and served from that copy, or refused with 429 and Retry-After.
 */
const BASE = `http://127.0.0.1:${THROTTLE_SERVER_PORT}`;
const DIR = "data/e2e-throttle";
const env = (trustProxy?: string) => ({
  ...process.env,
  DATABASE_URL: `file:${DIR}/claimdesk.db`,
  AUTH_SECRET: "throttle-e2e-secret-0123456789-abcdefgh",
  PORT: String(THROTTLE_SERVER_PORT),
  HOST: "127.0.0.1",
  PUBLIC_BASE_URL: BASE,
  NEXT_TELEMETRY_DISABLED: "1",
  ...(trustProxy ? { TRUST_PROXY: trustProxy } : {}),
});
const cli = (...args: string[]) =>
  execFileSync(process.execPath, ["--import", "tsx", "lib/cli/main.ts", ...args], { env: env() }).toString();

let server: ChildProcess | undefined;

async function startServer(trustProxy?: string) {
  server = spawn(process.execPath, ["--import", "tsx", "lib/cli/main.ts", "start", "--allow-demo-accounts"], {
    env: env(trustProxy),
    stdio: "ignore",
  });
  await expect(async () => {
    expect((await fetch(`${BASE}/api/health`)).status).toBe(200);
  }).toPass({ timeout: 90_000 });
}

async function stopServer() {
  const s = server;
  server = undefined;
  if (!s || s.exitCode !== null) return;
  s.kill("SIGTERM");
  await new Promise((resolve) => s.once("exit", resolve));
}

/** One sign-in through Auth.js's endpoint, with the headers a client chose. */
async function attempt(email: string, password: string, headers: Record<string, string> = {}) {
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { ...headers, cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password, csrfToken }),
  });
  await res.arrayBuffer();
  const location = res.headers.get("location") ?? "";
  return {
    status: res.status,
    retryAfter: res.headers.get("retry-after"),
    signedIn: location !== "" && !/error=/.test(location),
  };
}

test.describe.configure({ mode: "serial" });

test.beforeAll(() => {
  test.setTimeout(120_000);
  fs.rmSync(DIR, { recursive: true, force: true });
  cli("seed");
});

test.afterEach(stopServer);
test.afterAll(() => fs.rmSync(DIR, { recursive: true, force: true }));

test("an address that sprays passwords is throttled whatever it claims to be, and the operator can lift it", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await startServer();
  const statuses: number[] = [];
  for (let i = 0; i < 25; i++) {
    // A client cannot pass for another: both headers are its own words.
    const spoof = { "x-forwarded-for": `203.0.113.${i}`, "x-claimdesk-client-address": `198.51.100.${i}` };
    const { status, retryAfter } = await attempt(`person${i}@example.org`, "Winter2026!", spoof);
    statuses.push(status);
    if (status === 429) expect(Number(retryAfter)).toBeGreaterThan(800);
  }
  expect(statuses.slice(0, 20).every((s) => s === 302)).toBe(true);
  expect(statuses.slice(20)).toEqual([429, 429, 429, 429, 429]);

  // The sign-in page, from the same address, says when to try again — even for the right password.
  await page.goto(`${BASE}/login`);
  await page.getByLabel("Email").fill("editor@claimdesk.test");
  await page.getByLabel("Password").fill("claimdesk-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("main").getByRole("alert")).toHaveText(
    /^Too many failed sign-in attempts\. Try again in 1[45] minutes\.$/,
  );

  expect(cli("user", "unlock", "--address", "127.0.0.1")).toContain("20 recent failures cleared");
  await page.getByLabel("Password").fill("claimdesk-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${BASE}/editor`);
});

test("behind a proxy named in TRUST_PROXY, the address it forwards is the one throttled", async () => {
  test.setTimeout(120_000);
  await startServer("loopback");
  const from = (address: string) => ({ "x-forwarded-for": address });
  for (let i = 0; i < 20; i++) {
    expect(await attempt(`p${i}@example.org`, "x", from("203.0.113.5"))).toMatchObject({
      status: 302,
      signedIn: false,
    });
  }
  expect((await attempt("editor@claimdesk.test", "claimdesk-demo", from("203.0.113.5"))).status).toBe(429);
  // Another client behind the same proxy signs in.
  expect(await attempt("editor@claimdesk.test", "claimdesk-demo", from("198.51.100.5"))).toMatchObject({
    status: 302,
    signedIn: true,
  });
});

test("thirty parallel anonymous whole-site PDF exports are answered from one copy or refused with 429", async () => {
  test.setTimeout(120_000);
  await startServer();
  const answers = await Promise.all(
    Array.from({ length: 30 }, async (_, i) => {
      const res = await fetch(`${BASE}/api/v1/exports/pdf`, { headers: { "x-forwarded-for": `203.0.113.${i}` } });
      const body = Buffer.from(await res.arrayBuffer());
      return { status: res.status, retryAfter: res.headers.get("retry-after"), etag: res.headers.get("etag"), body };
    }),
  );
  const served = answers.filter((a) => a.status === 200);
  const refused = answers.filter((a) => a.status === 429);
  // Ten a minute from one address (the spoofed X-Forwarded-For is not believed), the rest refused.
  expect([served.length, refused.length]).toEqual([10, 20]);
  for (const a of refused) expect(Number(a.retryAfter)).toBeGreaterThan(0);
  // One build: every answer is the same file, named by the same ETag.
  expect(new Set(served.map((a) => a.etag)).size).toBe(1);
  for (const a of served) {
    expect(a.body.subarray(0, 5).toString()).toBe("%PDF-");
    expect(a.body.equals(served[0]!.body)).toBe(true);
  }
});
