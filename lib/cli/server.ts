import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { getDatabase, getDb } from "@/db/client";
import { seedDemo } from "@/db/seed";
import { parseEnv } from "@/lib/config/env";
import { translatorFor } from "@/lib/i18n/catalogue";
import { activeDemoAccounts, demoAccountsRefusal } from "./demo-accounts";
import { StartRefused } from "./errors";
import { cliLocale } from "./locale";

const SECRET_FILE = path.join(process.cwd(), "data", ".auth-secret");

/** Applies pending migrations to the configured database. */
export async function runMigrate(out: (line: string) => void): Promise<void> {
  parseEnv(process.env); // a bad DATABASE_URL is named before anything is opened
  await getDatabase().migrate();
  const t = await translatorFor(cliLocale());
  out(t("cli.server.databaseReady", { database: getDatabase().label }));
}

/** Loads the demo data (idempotent); refuses a database with real accounts unless forced. */
export async function runSeed(out: (line: string) => void, force = false): Promise<void> {
  await runMigrate(out);
  const report = await seedDemo(getDatabase().db, { force });
  const t = await translatorFor(cliLocale());
  const added = { users: report.usersAdded, ratings: report.ratingsAdded };
  out(report.documentAdded ? t("cli.server.demoLoaded", added) : t("cli.server.demoPresent", added));
}

/** The demo's session secret: generated into data/ on first use, then reused. */
function ensureDemoSecret(): string {
  if (fs.existsSync(SECRET_FILE)) return fs.readFileSync(SECRET_FILE, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  fs.mkdirSync(path.dirname(SECRET_FILE), { recursive: true });
  fs.writeFileSync(SECRET_FILE, secret + "\n", { mode: 0o600 });
  return secret;
}

/**
 * Migrates, loads the demo data, builds, and serves (the README's first command): its demo accounts allowed, on
 * 127.0.0.1 unless HOST says otherwise.
 */
export async function runDemo(out: (line: string) => void): Promise<number> {
  process.env.AUTH_SECRET ??= ensureDemoSecret();
  await runSeed(out);
  const t = await translatorFor(cliLocale());
  out(t("cli.server.building"));
  const built = await runNext(["build"]);
  if (built !== 0) return built;
  await printDemoLogins(out);
  return runStart(out, { command: "demo", allowDemoAccounts: true });
}

/**
 * Development server with hot reload, on 127.0.0.1 unless HOST says otherwise (as the demo); uses the demo secret
 * unless AUTH_SECRET is set.
 */
export async function runDev(out: (line: string) => void): Promise<number> {
  process.env.AUTH_SECRET ??= ensureDemoSecret();
  await runMigrate(out);
  return runNext(["dev", "-p", String(parseEnv(process.env).port), "-H", listenHost("dev", process.env)!]);
}

export type StartOptions = {
  /** `demo` listens on 127.0.0.1 unless HOST is set; `start` on HOST, or every interface. */
  command?: "start" | "demo";
  /** Serve although demo accounts (with their public password) are active: `--allow-demo-accounts`. */
  allowDemoAccounts?: boolean;
};

/**
 * The address to listen on: HOST when set; else 127.0.0.1 for the demo and the development server, every interface
 * (undefined) for `start`.
 */
export function listenHost(
  command: "start" | "demo" | "dev",
  env: Record<string, string | undefined>,
): string | undefined {
  return env.HOST || (command === "start" ? undefined : "127.0.0.1");
}

/**
 * Everything `start` does before serving, no port bound yet: checks the environment (AUTH_SECRET is required),
 * migrates, and refuses (StartRefused) while demo accounts are active unless they are allowed. Returns the arguments
 * of `next start`.
 */
export async function prepareStart(out: (line: string) => void, opts: StartOptions = {}): Promise<string[]> {
  const env = parseEnv(process.env, { requireSecret: true });
  await runMigrate(out);
  const refusal = await demoAccountsRefusal(await activeDemoAccounts(getDb()), opts.allowDemoAccounts ?? false);
  if (refusal) throw new StartRefused(refusal);
  const host = listenHost(opts.command ?? "start", process.env);
  const shown = host === undefined ? "localhost" : host.includes(":") ? `[${host}]` : host;
  const t = await translatorFor(cliLocale());
  out(t("cli.server.serving", { address: `http://${shown}:${env.port}`, publicBaseUrl: env.publicBaseUrl }));
  return ["start", "-p", String(env.port), ...(host ? ["-H", host] : [])];
}

/**
 * Migrates, then serves the production build on PORT (kept pages live in its memory: none from before); AUTH_SECRET
 * is required, and active demo accounts stop it unless allowed (see `prepareStart`).
 */
export async function runStart(out: (line: string) => void, opts: StartOptions = {}): Promise<number> {
  return runNext(await prepareStart(out, opts));
}

/** The demo's accounts (db/seed-data/demo.ts) and their roles. */
const DEMO_LOGINS = [
  ["admin@claimdesk.test", "admin"],
  ["editor@claimdesk.test", "editor"],
  ["reviewer@claimdesk.test", "editor"],
  ["contributor@claimdesk.test", "contributor"],
] as const;

async function printDemoLogins(out: (line: string) => void): Promise<void> {
  const t = await translatorFor(cliLocale());
  out(t("cli.server.demoLogins", { password: "claimdesk-demo" }));
  for (const [email, role] of DEMO_LOGINS) out(`  ${email.padEnd(28)}${t(`common.roles.name.${role}`)}`);
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
