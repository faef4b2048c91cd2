/** The port of the server under test (playwright.config.ts): E2E_PORT, 3100 by default. */
const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);

/**
 * The port of the local page server that the URL-import test starts. URL import connects to ports 80 and 443 only, and
 * to the `host:port` entries of IMPORT_ALLOW_HOSTS: playwright.config.ts names this one. (E2E_PORT + 1 and + 2 are the
 * multi-instance test's.)
 */
export const IMPORT_PAGE_PORT = Number(process.env.E2E_IMPORT_PAGE_PORT ?? E2E_PORT + 10);

/** The port of the server of its own that the sign-in throttling test starts (it throttles its own address). */
export const THROTTLE_SERVER_PORT = Number(process.env.E2E_THROTTLE_PORT ?? E2E_PORT + 3);

/** The port of the server of its own that the Ukrainian walk starts (on the demo data alone, as a new desk has it). */
export const UKRAINIAN_SERVER_PORT = Number(process.env.E2E_UKRAINIAN_PORT ?? E2E_PORT + 5);

/**
 * The mail server and webhook receiver of the browser tests (tests/e2e/sinks.ts, started beside the app): SMTP on
 * E2E_PORT + 20, the receiver on + 21, and on + 22 the HTTP side where the tests read what they received.
 */
export const MAIL_SINK_PORT = Number(process.env.E2E_MAIL_PORT ?? E2E_PORT + 20);
export const WEBHOOK_SINK_PORT = MAIL_SINK_PORT + 1;
export const SINKS_CONTROL_PORT = MAIL_SINK_PORT + 2;
