import type { IncomingMessage, Server } from "node:http";
import { CLIENT_ADDRESS_HEADER, clientAddressOf, type TrustProxy } from "./client-address";

/**
 * Makes every request this process's HTTP servers receive carry its client's address in CLIENT_ADDRESS_HEADER, as
 * its socket (and, only behind proxies TRUST_PROXY names, X-Forwarded-For) says: a value the client sent in that
 * header is dropped first. `next start` gives the app no other trustworthy address — it passes a client's own
 * X-Forwarded-For on as it came — so this hooks the servers' `request` event, which every request passes before
 * Next sees it. Returns the undo.
 */
export function stampClientAddresses(prototype: Pick<Server, "emit">, trust: TrustProxy): () => void {
  const emit = prototype.emit;
  prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as IncomingMessage;
      req.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf(req, trust);
    }
    return (emit as (...a: unknown[]) => boolean).call(this, event, ...args);
  } as Server["emit"];
  return () => {
    prototype.emit = emit;
  };
}
