import { desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiTokens } from "@/db/schema";
import { authorize, type Actor } from "@/lib/auth/actor";
import { ServiceError } from "@/lib/services/errors";
import { toTokenView, type TokenView } from "./token-view";

/** The caller's own tokens, newest first, revoked ones included. */
export function listOwnTokens(actor: Actor | null): TokenView[] {
  const db = getDb();
  const who = authorize(db, actor, "tokens:own");
  if (who.id === null) throw new ServiceError("bad_request", "The command line has no tokens of its own.");
  return db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.userId, who.id))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
    .all()
    .map(toTokenView);
}
