import type { IncomingMessage, Server } from "node:http";
import { CLIENT_ADDRESS_HEADER, clientAddressOf, stampedAddress, type TrustProxy } from "./client-address";

/**
 * Makes every request this process's HTTP servers receive carry its client's address in CLIENT_ADDRESS_HEADER, as
 * its socket (and, only behind proxies TRUST_PROXY names, X-Forwarded-For) says, with this process's stamp: a value
 * the client sent in that header is replaced. `next start` gives the app no other trustworthy address — it passes a
 * client's own X-Forwarded-For on as it came — so this hooks the servers' `request` event, which every request
 * passes before Next sees it. (Requests that reached the server while it was starting, before this was installed,
 * carry no stamp: they count as one unknown client.) Returns the undo.
 */
export function stampClientAddresses(prototype: Pick<Server, "emit">, trust: TrustProxy): () => void {
  const emit = prototype.emit;
  prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as IncomingMessage;
      req.headers[CLIENT_ADDRESS_HEADER] = stampedAddress(clientAddressOf(req, trust));
    }
    return (emit as (...a: unknown[]) => boolean).call(this, event, ...args);
  } as Server["emit"];
  return () => {
    prototype.emit = emit;
  };
}
