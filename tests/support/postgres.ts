import { ENGINE } from "@/db/engine";

/**
 * The PostgreSQL server of this test run: the suites run a second time on PostgreSQL with DATABASE_URL set from
 * TEST_DATABASE_URL (vitest.config.mts); null on the SQLite run. Tests that need both engines at once run there.
 */
export function postgresForTests(): string | null {
  return ENGINE === "postgres" ? process.env.DATABASE_URL! : null;
}
