/** The driver's error code (SQLite's `SQLITE_CONSTRAINT_UNIQUE`, PostgreSQL's SQLSTATE), also when drizzle wraps it. */
export function errorCode(e: unknown): string | undefined {
  for (let cause = e; cause && typeof cause === "object"; cause = (cause as { cause?: unknown }).cause) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}

/** True when a write was refused by a unique index (two requests creating the same thing at once). */
export function isUniqueViolation(e: unknown): boolean {
  const code = errorCode(e);
  return code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "23505";
}
