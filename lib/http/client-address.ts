import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import ipaddr from "ipaddr.js";
import proxyaddr from "proxy-addr";

/**
 * The request header that carries the client's address to the app, stamped on every request by the front door
 * (`stampClientAddresses` in lib/http/front-door.ts) as `<address> <stamp>`: the stamp is random per process, so a
 * value a client sent itself — or one left on a request that reached the server before the front door was installed,
 * while it was starting — is not taken for the server's. Sign-in throttling and the anonymous export limit count by
 * it.
 */
export const CLIENT_ADDRESS_HEADER = "x-claimdesk-client-address";

const holder = globalThis as unknown as { __claimdeskAddressStamp?: string };
/** This process's stamp (on globalThis: the app's bundles and the server's own code share it). */
const processStamp = () => (holder.__claimdeskAddressStamp ??= randomBytes(12).toString("base64url"));

/** The header value that says, in this process, that a request came from `address`. */
export function stampedAddress(address: string): string {
  return `${address} ${processStamp()}`;
}

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

/**
 * An address in one canonical form (`::ffff:192.0.2.1` is 192.0.2.1; IPv6 lower-case and shortest), or null when it
 * is not an IP address.
 */
export function normaliseAddress(address: string): string | null {
  const text = address.trim();
  if (!ipaddr.isValid(text)) return null;
  return ipaddr.process(text).toString();
}

/**
 * The client's address for a request as it reached this server's socket, with `trust` deciding on forwarded hops:
 * proxy-addr walks from the socket's peer back through X-Forwarded-For while the hops are trusted. A forwarded value
 * that is not an IP address counts as the peer's own request.
 */
export function clientAddressOf(req: IncomingMessage, trust: TrustProxy): string {
  const peer = req.socket.remoteAddress ? normaliseAddress(req.socket.remoteAddress) : null;
  if (!peer) return "";
  return normaliseAddress(proxyaddr(req, trust)) ?? peer;
}

/**
 * What limits count one client by: an IPv4 address, or the /64 network of an IPv6 one — a single home or server
 * connection is given a whole /64, so counting each of its addresses would give one client endless allowances.
 * "" (not known) stays "", one client. An unparseable value counts as itself.
 */
export function addressBucket(address: string): string {
  const normal = normaliseAddress(address);
  if (!normal) return address.trim();
  const parsed = ipaddr.parse(normal);
  if (parsed.kind() === "ipv4") return normal;
  const parts = (parsed as ipaddr.IPv6).parts.slice(0, 4);
  return `${new ipaddr.IPv6([...parts, 0, 0, 0, 0]).toString()}/64`;
}

/**
 * The client address the front door stamped on a request (a web `Request` or its headers), or "" when the request
 * carries no stamp of this process (a request made in a test or by the command line, one that came while the server
 * was starting, or a client's own header): callers count "" as one unknown client.
 */
export function requestClientAddress(req: { headers: Headers } | Headers): string {
  const headers = req instanceof Headers ? req : req.headers;
  const [address, stamp, extra] = (headers.get(CLIENT_ADDRESS_HEADER) ?? "").split(" ");
  return stamp === processStamp() && extra === undefined ? address! : "";
}
