import { and, asc, isNull, like } from "drizzle-orm";
import type { DB } from "@/db/client";
import { users } from "@/db/schema";
import { translatorFor } from "@/lib/i18n/catalogue";
import { cliLocale } from "./locale";

/** The demo accounts' domain (db/seed-data/demo.ts): their password is in the README. */
export const DEMO_EMAIL_DOMAIN = "@claimdesk.test";

/** The emails of the demo accounts that can still sign in (not disabled), in order. */
export async function activeDemoAccounts(db: DB): Promise<string[]> {
  const rows = await db
    .select({ email: users.email })
    .from(users)
    .where(and(like(users.email, `%${DEMO_EMAIL_DOMAIN}`), isNull(users.disabledAt)))
    .orderBy(asc(users.email)); // emails are stored in lower case: `like` matches them alike on both engines
  return rows.map((r) => r.email);
}

/**
 * Why `npm start` must not serve with these active demo accounts (a message that names them and says what to do),
 * or null when it may: there are none, or the operator allowed them (`--allow-demo-accounts`).
 */
export async function demoAccountsRefusal(emails: string[], allowed: boolean): Promise<string | null> {
  if (emails.length === 0 || allowed) return null;
  const t = await translatorFor(cliLocale());
  return [
    t("cli.demoAccounts.refusing", { count: emails.length, emails: emails.join(", ") }),
    t("cli.demoAccounts.disable", { command: "npm run cli -- user add --email … --name … --role admin" }),
    ...emails.map((email) => `  npm run cli -- user disable --email ${email}`),
    t("cli.demoAccounts.allow", { command: "npm start -- --allow-demo-accounts" }),
  ].join("\n");
}
