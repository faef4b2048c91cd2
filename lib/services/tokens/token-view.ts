import type { ApiToken } from "@/db/schema";

/** What Claimdesk shows of a token after creation: never the token or its hash. */
export type TokenView = Pick<
  ApiToken,
  "id" | "userId" | "name" | "tokenPrefix" | "createdAt" | "lastUsedAt" | "revokedAt"
>;

/** The listable view of a token row. */
export function toTokenView(t: ApiToken): TokenView {
  return {
    id: t.id,
    userId: t.userId,
    name: t.name,
    tokenPrefix: t.tokenPrefix,
    createdAt: t.createdAt,
    lastUsedAt: t.lastUsedAt,
    revokedAt: t.revokedAt,
  };
}
