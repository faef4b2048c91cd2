/**
 * Runs once when the Next.js server starts: a bad environment stops it at once with one line naming the variable,
 * instead of failing on the first request. Then every request carries its client's address (lib/http/front-door.ts),
 * and with an HTTPS PUBLIC_BASE_URL every response carries Strict-Transport-Security.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkEnvOrExit } = await import("./lib/config/startup");
  const env = checkEnvOrExit();
  const { Server, ServerResponse } = await import("node:http");
  const { stampClientAddresses } = await import("./lib/http/front-door");
  stampClientAddresses(Server.prototype, env.trustProxy);
  const { addHeaderToEveryResponse, strictTransportSecurity } = await import("./lib/config/transport-security");
  const hsts = strictTransportSecurity(process.env.PUBLIC_BASE_URL);
  if (hsts) addHeaderToEveryResponse(ServerResponse.prototype, "Strict-Transport-Security", hsts);
}
