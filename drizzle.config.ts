import { defineConfig } from "drizzle-kit";

/**
 * SQLite's migrations (`npm run db:generate` generates them for both engines; PostgreSQL's config is
 * `db/drizzle-pg.config.ts`). Generating reads the schema only; no database is opened.
 */
export default defineConfig({
  dialect: "sqlite",
  schema: "./db/tables/sqlite.ts",
  out: "./db/migrations",
  dbCredentials: { url: "data/claimdesk.db" },
  strict: true,
  verbose: true,
});
