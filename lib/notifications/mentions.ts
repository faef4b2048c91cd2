import { isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { users } from "@/db/schema";

/** `@ana` or `@ana@desk.example`, not inside an address (`x@ana`) — what a comment may name someone by. */
const MENTION = /(?<![\p{L}\p{N}._%+-])@([\p{L}\p{N}._%+-]+(?:@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)?)/gu;

/** The handles a text mentions, lower-cased, without a trailing full stop. */
export function mentionHandles(body: string): string[] {
  return [...new Set([...body.matchAll(MENTION)].map((m) => m[1]!.replace(/\.+$/, "").toLowerCase()))];
}

/**
 * The active accounts a comment mentions: `@` and the account's email address, or the part of it before the `@` when
 * no other active account's address starts the same (`@ana` for ana@desk.example).
 */
export async function mentionedUsers(tx: Tx, body: string): Promise<number[]> {
  const handles = mentionHandles(body);
  if (handles.length === 0) return [];
  const accounts = await tx.select({ id: users.id, email: users.email }).from(users).where(isNull(users.disabledAt));
  const byLocalPart = new Map<string, number[]>();
  for (const a of accounts) {
    const local = a.email.split("@")[0]!;
    byLocalPart.set(local, [...(byLocalPart.get(local) ?? []), a.id]);
  }
  const ids = handles.flatMap((h) => {
    const exact = accounts.find((a) => a.email === h);
    if (exact) return [exact.id];
    const local = byLocalPart.get(h);
    return local?.length === 1 ? local : [];
  });
  return [...new Set(ids)];
}
