import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { queryRow } from "@/db/sql";

/** Asks the database a trivial question; throws when it does not answer. */
export async function checkDatabase(): Promise<void> {
  await queryRow(getDb(), sql`select 1 as ok`);
}
