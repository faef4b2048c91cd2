/**
 * Runs once when the Next.js server starts: a bad environment stops it at once with one
 * line naming the variable, instead of failing on the first request.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkEnvOrExit } = await import("./lib/config/startup");
  checkEnvOrExit();
}
