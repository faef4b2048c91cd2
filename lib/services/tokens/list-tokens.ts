import { desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiTokens } from "@/db/schema";
import { authorizeAccount, type Actor } from "@/lib/auth/actor";
import { toTokenView, type TokenView } from "./token-view";

/** The caller's own tokens, newest first, revoked ones included. */
export function listOwnTokens(actor: Actor | null): TokenView[] {
  const db = getDb();
  const who = authorizeAccount(db, actor, "tokens:own");
  return db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.userId, who.id))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
    .all()
    .map(toTokenView);
}
