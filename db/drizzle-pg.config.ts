import { defineConfig } from "drizzle-kit";

/** PostgreSQL's migrations, generated from `db/tables/pg.ts` into their own folder (`npm run db:generate`). */
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/tables/pg.ts",
  out: "./db/migrations-pg",
  dbCredentials: { url: "postgres://localhost/claimdesk" },
  strict: true,
  verbose: true,
});
