import { getDb } from "@/db/client";
import { authorize, type Actor } from "@/lib/auth/actor";
import { text } from "@/lib/i18n/text";
import { ServiceError } from "@/lib/services/errors";
import { parseId } from "@/lib/validation/common";

/** Checks the caller may read unpublished work (contributor+); throws 401/403 otherwise. */
export async function assertCanReadInternal(actor: Actor | null): Promise<void> {
  await authorize(getDb(), actor, "content:read-internal");
}

/** Returns `value`, or throws 404 naming what was not found. */
export function found<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new ServiceError("not_found", text("errors.api.notFound", { what }));
  return value;
}

/** A path id as a number (404 for anything that is not a positive whole number, or beyond any id). */
export function pathId(id: string, what: string): number {
  const parsed = parseId(id);
  if (parsed === null) throw new ServiceError("not_found", text("errors.api.notFoundWithId", { what, id }));
  return parsed;
}
