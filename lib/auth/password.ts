import { hash, verify } from "@node-rs/argon2";
import { randomBytes } from "node:crypto";

// Argon2id (the library's default algorithm) with OWASP's minimum parameters: 19 MiB, 2 passes.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** Checks a password against an argon2 hash; false for a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// A hash of a random password: verifying against it when the account does not exist costs
// the same time as a real check, so response time does not reveal which emails have accounts.
let decoyHash: Promise<string> | undefined;
/** A valid argon2 hash that no password matches. */
export function getDecoyHash(): Promise<string> {
  decoyHash ??= hashPassword(randomBytes(24).toString("base64url"));
  return decoyHash;
}

const ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** A temporary password: 16 characters from an alphabet without look-alikes (~92 bits). */
export function generateTemporaryPassword(): string {
  const bytes = randomBytes(16);
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join("");
}
