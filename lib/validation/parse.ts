import type { z } from "zod";
import { text } from "@/lib/i18n/text";
import { fieldIssue, ServiceError, type FieldIssue } from "@/lib/services/errors";

/** Turns zod issues into field issues with dotted paths. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.flatMap((i) => {
    const path = i.path.map(String);
    // An unknown field is named by its own path, like any other bad field.
    if (i.code === "unrecognized_keys") {
      return i.keys.map((key) => fieldIssue([...path, key].join("."), text("validation.unknownField")));
    }
    return [{ path: path.join(".") || "(input)", message: i.message, zod: i }];
  });
}

/** The paths of the strings in `value` that hold a NUL character (no text field takes one; PostgreSQL stores none). */
function nulPaths(value: unknown, path: string[] = []): string[] {
  if (typeof value === "string") return value.includes("\u0000") ? [path.join(".") || "(input)"] : [];
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, v]) => nulPaths(v, [...path, key]));
}

/** Parses input with a zod schema; on failure throws a 422 ServiceError that names each field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  const nul = nulPaths(input).map((path) => fieldIssue(path, text("validation.nul")));
  if (result.success && nul.length === 0) return result.data;
  const issues = [...(result.success ? [] : toFieldIssues(result.error)), ...nul];
  const summary = issues.map((i) => `${i.path}: ${i.message}`).join("; ");
  throw new ServiceError("validation_failed", text("errors.invalidInput", { summary }), issues);
}

/**
 * For a partial update: the parsed values of the fields the caller actually sent (an
 * explicit null or "" clears a field); fields not sent are left out, so they stay as they were.
 */
export function sentFields<T extends Record<string, unknown>, K extends keyof T & string>(
  raw: unknown,
  input: T,
  keys: readonly K[],
): Partial<Pick<T, K>> {
  const sent = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
  return Object.fromEntries(keys.filter((k) => k in sent).map((k) => [k, input[k]])) as Partial<Pick<T, K>>;
}
