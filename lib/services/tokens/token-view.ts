import type { ApiToken } from "@/db/schema";

/**
 * What Claimdesk shows of a token after creation: never the token or its hash. `expiresAt` is when it stops working;
 * `scope` is what it may do (`read`: GET requests only; `write`: anything its owner may).
 */
export type TokenView = Pick<
  ApiToken,
  "id" | "userId" | "name" | "tokenPrefix" | "scope" | "createdAt" | "lastUsedAt" | "expiresAt" | "revokedAt"
>;

/** The listable view of a token row. */
export function toTokenView(t: ApiToken): TokenView {
  return {
    id: t.id,
    userId: t.userId,
    name: t.name,
    tokenPrefix: t.tokenPrefix,
    scope: t.scope,
    createdAt: t.createdAt,
    lastUsedAt: t.lastUsedAt,
    expiresAt: t.expiresAt,
    revokedAt: t.revokedAt,
  };
}

/** Whether a token is past its expiry at `now`. */
export function isExpired(t: Pick<ApiToken, "expiresAt">, now: Date = new Date()): boolean {
  return t.expiresAt.getTime() <= now.getTime();
}

/** An instant as shown to people: `2027-02-27 10:04 UTC`. */
export function formatInstant(d: Date): string {
  return d.toISOString().slice(0, 16).replace("T", " ") + " UTC";
}
