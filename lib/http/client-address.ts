import type { IncomingMessage } from "node:http";
import proxyaddr from "proxy-addr";

/**
 * The request header that carries the client's address to the app: set on every request by the front door (see
 * `frontDoor`) and never taken from the client. Sign-in throttling and the anonymous export limit count by it.
 */
export const CLIENT_ADDRESS_HEADER = "x-claimdesk-client-address";

/** Which hops in front of Claimdesk are trusted proxies, from TRUST_PROXY: a test on an address and its hop. */
export type TrustProxy = (address: string, hop: number) => boolean;

export class BadTrustProxy extends Error {}

/**
 * Reads TRUST_PROXY. Unset, empty, `false` or `0`: no proxy is trusted, the client is the connection's peer, and
 * `X-Forwarded-For` is ignored (anyone can send one). A number N: the N hops nearest Claimdesk are proxies (one nginx
 * in front: 1). Otherwise a comma-separated list of proxy addresses, CIDR ranges or proxy-addr's names `loopback`,
 * `linklocal`, `uniquelocal`: the client is then the nearest address in X-Forwarded-For that is not one of them.
 * `true` is refused: trusting every hop would let any client name its own address.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const v = (value ?? "").trim();
  if (v === "" || v === "false" || v === "0") return () => false;
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    return (_address, hop) => hop < hops;
  }
  if (v === "true") {
    throw new BadTrustProxy(
      "true would trust any client's X-Forwarded-For; give the number of proxies in front (1) or their addresses",
    );
  }
  try {
    return proxyaddr.compile(
      v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    );
  } catch (e) {
    throw new BadTrustProxy(
      `${(e as Error).message}: give a number of proxies, or addresses, CIDR ranges, loopback, linklocal, uniquelocal`,
    );
  }
}

/** The client's address for a request as it reached this server's socket, with `trust` deciding on forwarded hops. */
export function clientAddressOf(req: IncomingMessage, trust: TrustProxy): string {
  // proxy-addr walks from the socket's peer back through X-Forwarded-For while the hops are trusted.
  return req.socket.remoteAddress ? normalise(proxyaddr(req, trust)) : "";
}

/** `::ffff:127.0.0.1` (IPv4 on a dual-stack socket) is 127.0.0.1. */
function normalise(address: string): string {
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
}

/**
 * The client address the front door stamped on a request (a web `Request` or its headers), or "" when it was not
 * stamped (a request made in a test, the command line): callers count "" as one unknown client.
 */
export function requestClientAddress(req: { headers: Headers } | Headers): string {
  const headers = req instanceof Headers ? req : req.headers;
  return headers.get(CLIENT_ADDRESS_HEADER) ?? "";
}
