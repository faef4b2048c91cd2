/**
 * Runs once when the Next.js server starts: a bad environment stops it at once with one
 * line naming the variable, instead of failing on the first request. With an HTTPS
 * PUBLIC_BASE_URL, every response then carries Strict-Transport-Security.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkEnvOrExit } = await import("./lib/config/startup");
  checkEnvOrExit();
  const { addHeaderToEveryResponse, strictTransportSecurity } = await import("./lib/config/transport-security");
  const hsts = strictTransportSecurity(process.env.PUBLIC_BASE_URL);
  if (hsts) {
    const { ServerResponse } = await import("node:http");
    addHeaderToEveryResponse(ServerResponse.prototype, "Strict-Transport-Security", hsts);
  }
}
