import { defineConfig, devices } from "@playwright/test";
import { IMPORT_PAGE_PORT, MAIL_SINK_PORT, SINKS_CONTROL_PORT } from "./tests/e2e/ports";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;
const DB = "data/e2e/claimdesk-e2e.db";

/**
 * End-to-end tests drive the production build in Debian's Chromium against a fresh
 * database loaded with the demo data (so `start` is told to serve the demo accounts). One worker: the tests share
 * that database.
 */
export default defineConfig({
  testDir: "tests/e2e",
  // Two servers sharing one database need PostgreSQL: without TEST_DATABASE_URL (vitest's run said so) that test is
  // left out, except in CI, where it must run and fails without a server.
  testIgnore: process.env.TEST_DATABASE_URL || process.env.CI ? [] : ["multi-instance.spec.ts"],
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: "list",
  timeout: 30_000,
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-gpu",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: [
    {
      // The mail server and the webhook receiver the app talks to (tests/e2e/sinks.ts).
      command: "tsx tests/e2e/sinks.ts",
      url: `http://127.0.0.1:${SINKS_CONTROL_PORT}/health`,
      timeout: 30_000,
      reuseExistingServer: false,
      stdout: "pipe",
    },
    {
      command: [
        "rm -rf data/e2e",
        "npm run build",
        "tsx lib/cli/main.ts seed",
        "tsx lib/cli/main.ts start --allow-demo-accounts",
      ].join(" && "),
      url: `${baseURL}/api/health`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: {
        DATABASE_URL: `file:${DB}`,
        AUTH_SECRET: "e2e-secret-not-for-production-0123456789",
        PORT: String(PORT),
        HOST: "127.0.0.1",
        PUBLIC_BASE_URL: baseURL,
        NEXT_TELEMETRY_DISABLED: "1",
        // URL import tests serve pages from a local server in the test process, on a port named here (URL import
        // connects to ports 80 and 443 only, and to the host:port entries listed).
        IMPORT_ALLOW_HOSTS: `127.0.0.1:${IMPORT_PAGE_PORT}`,
        // Every test reads from one address: anonymous exports are not limited to 10 a minute here, so that the tests
        // do not depend on how many of them export (per-address-limits.spec.ts tests the limit on a server of its own).
        EXPORT_RATE_LIMIT: "1000",
        // Notification mail goes to the sinks' SMTP server, and webhooks may reach its receiver on loopback.
        SMTP_URL: `smtp://desk:secret@127.0.0.1:${MAIL_SINK_PORT}`,
        MAIL_FROM: "Claimdesk <desk@claimdesk.test>",
        WEBHOOK_ALLOW_HOSTS: "127.0.0.1",
      },
    },
  ],
});
