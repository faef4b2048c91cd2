import dns from "node:dns";
import type { LookupAddress, LookupOptions } from "node:dns";
import ipaddr from "ipaddr.js";
import { buildConnector } from "undici";

/**
 * Which addresses and ports outgoing requests may reach (URL import's and webhooks' rules differ), asked where each
 * socket is made: for an address given in the URL, and for every address a host name resolves to, so that a name
 * that resolved to a public address when it was checked and to a private one when it is fetched (DNS rebinding) is
 * still refused. `R` is the error that tells the person who gave the URL why.
 */
export type ConnectPolicy<R extends Error> = {
  /** Whether `host` (a host name, lower-cased) may be reached on `port` whatever it resolves to. */
  allowsName(host: string, port: number): boolean;
  /** Why connecting to `address` on `port` is refused (`host`: the name that resolved to it, if one did), or null. */
  refusal(address: string, port: number, host?: string): R | null;
};

/** A connection a policy refused before it was made; carries the refusal to show (as the fetch error's `cause`). */
export class Blocked<R extends Error = Error> extends Error {
  constructor(readonly refusal: R) {
    super(refusal.message);
  }
}

/** Public unicast addresses only: loopback, private, link-local, multicast and the like are not. */
export function isPublicAddress(address: string): boolean {
  try {
    const ip = ipaddr.process(address);
    if (ip.range() !== "unicast") return false;
    // IPv6: only global unicast (2000::/3); this also refuses the deprecated IPv4-compatible form ::a.b.c.d.
    return ip.kind() === "ipv4" || ((ip as ipaddr.IPv6).parts[0]! & 0xe000) === 0x2000;
  } catch {
    return false;
  }
}

/** A DNS lookup that checks every address a host name resolves to against the policy before any is connected to. */
export function guardedLookup<R extends Error>(policy: ConnectPolicy<R>, port: number) {
  return (
    hostname: string,
    options: LookupOptions,
    callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      if (!policy.allowsName(hostname.toLowerCase(), port)) {
        for (const a of addresses) {
          const refusal = policy.refusal(a.address, port, hostname);
          if (refusal) return callback(new Blocked(refusal), []);
        }
      }
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

/**
 * An undici connector that opens every connection through the policy: the host and port are checked once more where
 * the socket is made (an address directly, a host name through `guardedLookup`), whatever URL undici was given.
 */
export function guardedConnector<R extends Error>(
  policy: ConnectPolicy<R>,
  timeoutMs: number,
): buildConnector.connector {
  return (options, callback) => {
    const port = Number(options.port) || (options.protocol === "https:" ? 443 : 80);
    const host = options.hostname.replace(/^\[|\]$/g, "").toLowerCase();
    const refusal = ipaddr.isValid(host) ? policy.refusal(host, port) : null;
    if (refusal) return callback(new Blocked(refusal), null);
    buildConnector({ lookup: guardedLookup(policy, port), timeout: timeoutMs })(options, callback);
  };
}

/**
 * The refusal a failed request carries when the policy refused its connection, or null: undici's `fetch` wraps it
 * (as the error's `cause`), its `request` throws it as it is.
 */
export function blockedBy<R extends Error>(e: unknown): R | null {
  const blocked = e instanceof Blocked ? e : (e as { cause?: unknown })?.cause;
  return blocked instanceof Blocked ? (blocked.refusal as R) : null;
}
