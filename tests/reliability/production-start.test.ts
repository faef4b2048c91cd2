/**
 * `npm start` on a database with the demo accounts (whose password is in the README) refuses to serve, before any
 * port is bound, with one message naming them and saying how to go on; `--allow-demo-accounts` (the demo, the
 * browser tests) serves them anyway; once they are disabled, it serves. `npm run demo` listens on 127.0.0.1 unless
 * HOST says otherwise. The refusal is checked end to end (a `start` process); what it does when allowed, in this
 * process up to the point where it would run `next start` (which needs a build).
 */
import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { DEMO_USERS } from "@/db/seed-data/demo";
import { systemActor } from "@/lib/auth/actor";
import { activeDemoAccounts, demoAccountsRefusal } from "@/lib/cli/demo-accounts";
import { StartRefused } from "@/lib/cli/errors";
import { listenHost, prepareStart } from "@/lib/cli/server";
import { updateUser } from "@/lib/services/users/update-user";
import { createTestDb, type TestDb } from "../support/db";
import { addUser } from "../support/fixtures";

const ROOT = path.resolve(import.meta.dirname, "../..");
const DEMO_EMAILS = DEMO_USERS.map((u) => u.email).sort();

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seedDemo(t.db);
});
afterAll(() => t.close());

/** A port nothing listens on now. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Whether something accepts connections on the port. */
function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => resolve(!!socket.destroy()));
    socket.once("error", () => resolve(false));
  });
}

/**
 * Runs `cli start …` on the test database until it exits by itself, or until its output matches `until` or a minute
 * has passed: then it is stopped (`stopped`), after noting whether it had bound the port.
 */
function start(args: string[], port: number, until = /Claimdesk on http/) {
  const child = spawn(process.execPath, ["--import", "tsx", "lib/cli/main.ts", "start", ...args], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: t.url,
      AUTH_SECRET: "production-start-test-secret-0123456789",
      PORT: String(port),
      HOST: "127.0.0.1",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  let stopped = false;
  let listening = false;
  const stop = async () => {
    if (stopped || child.exitCode !== null) return;
    stopped = true;
    listening = await isListening(port);
    child.kill("SIGTERM");
  };
  const deadline = setTimeout(() => void stop(), 60_000);
  child.stdout.on("data", (d: Buffer) => {
    stdout += d.toString();
    if (until.test(stdout)) void stop();
  });
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise<{ code: number | null; stopped: boolean; listening: boolean; stdout: string; stderr: string }>(
    (resolve) =>
      child.once("exit", (code) => {
        clearTimeout(deadline);
        resolve({ code, stopped, listening, stdout, stderr });
      }),
  );
}

describe("npm start with the demo accounts", () => {
  it("should refuse to serve, naming them and saying how to disable them or allow them, before binding a port", async () => {
    const port = await freePort();
    const run = await start([], port);
    expect(run.stopped, "it got past the check: it was stopped").toBe(false);
    expect(run.code).not.toBe(0);
    expect(run.listening).toBe(false);
    expect(await isListening(port)).toBe(false);
    expect(run.stdout).not.toMatch(/Claimdesk on http/);
    for (const email of DEMO_EMAILS) expect(run.stderr).toContain(email);
    expect(run.stderr).toContain("npm run cli -- user disable --email admin@claimdesk.test");
    expect(run.stderr).toContain("npm start -- --allow-demo-accounts");
  });

  it("should refuse an unknown option as a usage error", async () => {
    const run = await start(["--allow-demo"], await freePort());
    expect(run.stopped).toBe(false);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Unknown option '--allow-demo'/);
  });
});

describe("the decision to serve", () => {
  it("should refuse without --allow-demo-accounts, and get up to `next start` with it", async () => {
    vi.stubEnv("AUTH_SECRET", "production-start-test-secret-0123456789");
    vi.stubEnv("HOST", "127.0.0.1");
    try {
      const lines: string[] = [];
      await expect(prepareStart((l) => lines.push(l))).rejects.toThrow(StartRefused);
      expect(lines.join("\n")).not.toMatch(/Claimdesk on/);
      const args = await prepareStart((l) => lines.push(l), { allowDemoAccounts: true });
      expect(args).toEqual(["start", "-p", expect.stringMatching(/^\d+$/), "-H", "127.0.0.1"]);
      expect(lines.at(-1)).toMatch(/^Claimdesk on http:\/\/127\.0\.0\.1:\d+/);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("should list the active demo accounts only, and serve once they are disabled", async () => {
    expect(await activeDemoAccounts(t.db)).toEqual(DEMO_EMAILS);
    const refusal = (await demoAccountsRefusal(await activeDemoAccounts(t.db), false))!;
    expect(refusal).toMatch(/Refusing to start/);
    for (const email of DEMO_EMAILS) expect(refusal).toContain(`npm run cli -- user disable --email ${email}`);
    expect(refusal).toContain("npm start -- --allow-demo-accounts");
    expect(await demoAccountsRefusal(DEMO_EMAILS, true)).toBeNull();

    // A real admin first (Claimdesk keeps one active admin), then every demo account disabled.
    await addUser(t.database, "chief@desk.example", "admin");
    for (const email of DEMO_EMAILS) {
      const [u] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, email));
      await updateUser(systemActor(), { userId: u!.id, disabled: true });
    }
    expect(await activeDemoAccounts(t.db)).toEqual([]);
    expect(await demoAccountsRefusal([], false)).toBeNull();
  });

  it("should listen on 127.0.0.1 for the demo and dev unless HOST says otherwise, on HOST or all for start", () => {
    expect(listenHost("demo", {})).toBe("127.0.0.1");
    expect(listenHost("dev", {})).toBe("127.0.0.1");
    expect(listenHost("dev", { HOST: "0.0.0.0" })).toBe("0.0.0.0");
    expect(listenHost("demo", { HOST: "" })).toBe("127.0.0.1");
    expect(listenHost("demo", { HOST: "0.0.0.0" })).toBe("0.0.0.0");
    expect(listenHost("start", {})).toBeUndefined();
    expect(listenHost("start", { HOST: "10.0.0.5" })).toBe("10.0.0.5");
  });
});
