import { Server, ServerResponse } from "node:http";
import { stampClientAddresses } from "@/lib/http/front-door";
import { checkEnvOrExit } from "./startup";
import { addHeaderToEveryResponse, strictTransportSecurity } from "./transport-security";

/**
 * What the Node.js server does once when it starts (instrumentation.ts): a bad environment stops it at once with one
 * line naming the variable, instead of failing on the first request. Then every request carries its client's address
 * (lib/http/front-door.ts), and with an HTTPS PUBLIC_BASE_URL every response carries Strict-Transport-Security.
 */
export function onServerStart(): void {
  const env = checkEnvOrExit();
  stampClientAddresses(Server.prototype, env.trustProxy);
  const hsts = strictTransportSecurity(process.env.PUBLIC_BASE_URL);
  if (hsts) addHeaderToEveryResponse(ServerResponse.prototype, "Strict-Transport-Security", hsts);
}
