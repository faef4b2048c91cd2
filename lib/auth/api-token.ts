import { createHash, randomBytes } from "node:crypto";

/** Every Claimdesk token starts with this, so leaked tokens are easy to recognise and scan for. */
export const TOKEN_PREFIX = "cdk_";

/** A new random API token (256 bits). */
export function generateApiToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

/**
 * The stored form of a token. Tokens are long and random, so a fast hash is enough:
 * no dictionary attack applies, and verifying stays a single indexed lookup.
 */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The part of a token shown in lists: prefix and four characters. */
export function displayPrefix(token: string): string {
  return token.slice(0, TOKEN_PREFIX.length + 4);
}
