import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { getDatabase } from "@/db/client";
import { seedDemo } from "@/db/seed";
import { parseEnv } from "@/lib/config/env";

const SECRET_FILE = path.join(process.cwd(), "data", ".auth-secret");

/** Applies pending migrations to the configured database. */
export async function runMigrate(out: (line: string) => void): Promise<void> {
  parseEnv(process.env); // a bad DATABASE_URL is named before anything is opened
  await getDatabase().migrate();
  out(`Database ready: ${getDatabase().label}`);
}

/** Loads the demo data (idempotent); refuses a database with real accounts unless forced. */
export async function runSeed(out: (line: string) => void, force = false): Promise<void> {
  await runMigrate(out);
  const report = await seedDemo(getDatabase().db, { force });
  out(
    `Demo data: ${report.usersAdded} accounts and ${report.ratingsAdded} ratings added; ` +
      (report.documentAdded
        ? "demo article, claims, dispute, evidence and verdicts loaded."
        : "demo article already present."),
  );
}

/** The demo's session secret: generated into data/ on first use, then reused. */
function ensureDemoSecret(): string {
  if (fs.existsSync(SECRET_FILE)) return fs.readFileSync(SECRET_FILE, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  fs.mkdirSync(path.dirname(SECRET_FILE), { recursive: true });
  fs.writeFileSync(SECRET_FILE, secret + "\n", { mode: 0o600 });
  return secret;
}

/** Migrates, loads the demo data, builds, and serves (the README's first command). */
export async function runDemo(out: (line: string) => void): Promise<number> {
  process.env.AUTH_SECRET ??= ensureDemoSecret();
  await runSeed(out);
  out("Building Claimdesk (next build)…");
  const built = await runNext(["build"]);
  if (built !== 0) return built;
  printDemoLogins(out);
  return runStart(out);
}

/** Development server with hot reload; uses the demo secret unless AUTH_SECRET is set. */
export async function runDev(out: (line: string) => void): Promise<number> {
  process.env.AUTH_SECRET ??= ensureDemoSecret();
  await runMigrate(out);
  return runNext(["dev", "-p", String(parseEnv(process.env).port)]);
}

/**
 * Migrates, then serves the production build on PORT (kept pages live in its memory: none from before); AUTH_SECRET
 * is required.
 */
export async function runStart(out: (line: string) => void): Promise<number> {
  const env = parseEnv(process.env, { requireSecret: true });
  await runMigrate(out);
  out(`Claimdesk on http://localhost:${env.port} (public base URL ${env.publicBaseUrl})`);
  const args = ["start", "-p", String(env.port)];
  if (process.env.HOST) args.push("-H", process.env.HOST);
  return runNext(args);
}

function printDemoLogins(out: (line: string) => void): void {
  out("Demo logins (password claimdesk-demo):");
  out("  admin@claimdesk.test        admin");
  out("  editor@claimdesk.test       editor");
  out("  reviewer@claimdesk.test     editor");
  out("  contributor@claimdesk.test  contributor");
}

function runNext(args: string[]): Promise<number> {
  const bin = require.resolve("next/dist/bin/next");
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: "inherit", env: process.env });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}
