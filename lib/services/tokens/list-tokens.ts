import { desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiTokens } from "@/db/schema";
import { authorizeAccount, type Actor } from "@/lib/auth/actor";
import { toTokenView, type TokenView } from "./token-view";

/** The caller's own tokens, newest first, revoked ones included. */
export async function listOwnTokens(actor: Actor | null): Promise<TokenView[]> {
  const db = getDb();
  const who = await authorizeAccount(db, actor, "tokens:own");
  const rows = await db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.userId, who.id))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
  return rows.map(toTokenView);
}
