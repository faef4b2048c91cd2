import { configDefaults, defineConfig, type TestProjectInlineConfiguration } from "vitest/config";
import path from "node:path";

const postgres = process.env.TEST_DATABASE_URL;
if (!postgres) {
  if (process.env.CI) throw new Error("CI must run the suites on PostgreSQL too: set TEST_DATABASE_URL (see .ci/run).");
  console.warn("PostgreSQL: TEST_DATABASE_URL is not set, so the suites run on SQLite only.");
}

/**
 * The suites once on SQLite (temp files) and, when TEST_DATABASE_URL names a PostgreSQL server, once more on it (a
 * new database per test file, dropped after). Tests that never open a database (`unitOnly`) run once; a file named
 * `*.sqlite.test.ts` or `*.postgres.test.ts` tests what only that engine has, and runs on it alone. `env` is set for
 * both, with `LC_ALL=C`: the command line speaks the environment's language, and the tests read its English.
 */
export function onEveryEngine(
  include: string[],
  unitOnly: string[] = [],
  env: Record<string, string> = {},
): TestProjectInlineConfiguration[] {
  const only = (engine: string) => [...configDefaults.exclude, `**/*.${engine}.test.ts`];
  return [
    {
      extends: true,
      test: {
        name: "sqlite",
        include: [...include, ...unitOnly],
        exclude: only("postgres"),
        env: { LC_ALL: "C", ...env, DATABASE_URL: "" },
      },
    },
    ...(postgres
      ? [
          {
            extends: true,
            test: {
              name: "postgres",
              include,
              exclude: only("sqlite"),
              env: { LC_ALL: "C", ...env, DATABASE_URL: postgres },
            },
          },
        ]
      : []),
  ];
}

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside a React Server bundle; tests import services directly.
      "server-only": path.resolve(import.meta.dirname, "tests/support/empty-module.ts"),
      // No Next request under vitest: record revalidations instead of performing them.
      "next/cache": path.resolve(import.meta.dirname, "tests/support/next-cache.ts"),
      // No Next request either to read a locale from: the real catalogues, in the locale a test sets.
      "next-intl/server": path.resolve(import.meta.dirname, "tests/support/next-intl-server.ts"),
    },
  },
  test: {
    environment: "node",
    pool: "forks",
    testTimeout: 20_000,
    // next-auth imports `next/server` and `next/headers` as Node cannot resolve them (no extension, no exports map):
    // run it through Vite, which also lets a test stand in for `next/headers` (tests/reliability/sessions.test.ts).
    server: { deps: { inline: ["next-auth"] } },
    // The integration tests export anonymously far more often than 10 times a minute, as one unknown client: the limit
    // is off for them, and tested in the reliability suite (tests/reliability/anonymous-exports.test.ts).
    projects: onEveryEngine(["tests/integration/**/*.test.ts"], ["tests/unit/**/*.test.ts"], {
      EXPORT_RATE_LIMIT: "0",
    }),
  },
});
