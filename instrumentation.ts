/**
 * Runs once when the Next.js server starts: a bad environment stops it at once with one
 * line naming the variable, instead of failing on the first request.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { EnvError, parseEnv } = await import("./lib/config/env");
  try {
    parseEnv(process.env, { requireSecret: process.env.NODE_ENV === "production" });
  } catch (e) {
    if (!(e instanceof EnvError)) throw e;
    console.error(e.message);
    process.exit(1);
  }
}
