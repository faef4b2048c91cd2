import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  addressBucket,
  BadTrustProxy,
  CLIENT_ADDRESS_HEADER,
  normaliseAddress,
  parseTrustProxy,
  requestClientAddress,
  stampedAddress,
  type TrustProxy,
} from "@/lib/http/client-address";
import { stampClientAddresses } from "@/lib/http/front-door";

/** Sends one request to a fresh server with the front door installed; returns the address the app reads from it. */
async function addressSeen(trust: TrustProxy, headers: Record<string, string> = {}): Promise<string> {
  const undo = stampClientAddresses(http.Server.prototype, trust);
  let seen = "";
  const server = http.createServer((req, res) => {
    seen = requestClientAddress(new Headers({ [CLIENT_ADDRESS_HEADER]: String(req.headers[CLIENT_ADDRESS_HEADER]) }));
    res.end();
  });
  try {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    await (await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { headers })).arrayBuffer();
    return seen;
  } finally {
    undo();
    await new Promise((resolve) => server.close(resolve));
  }
}

describe("the client address every request carries", () => {
  const emit = http.Server.prototype.emit;
  afterEach(() => {
    http.Server.prototype.emit = emit;
  });

  it("should be the socket's peer, whatever the client claims, when no proxy is trusted", async () => {
    const trust = parseTrustProxy(undefined);
    expect(await addressSeen(trust)).toBe("127.0.0.1");
    const claimed = { "X-Forwarded-For": "203.0.113.9", [CLIENT_ADDRESS_HEADER]: stampedAddress("198.51.100.7") };
    expect(await addressSeen(trust, claimed)).toBe("127.0.0.1");
  });

  it("should follow X-Forwarded-For through the trusted hops only", async () => {
    const chain = { "X-Forwarded-For": "198.51.100.7, 203.0.113.9" };
    // One proxy in front (the loopback peer): the client is the last address it appended.
    expect(await addressSeen(parseTrustProxy("1"), chain)).toBe("203.0.113.9");
    expect(await addressSeen(parseTrustProxy("2"), chain)).toBe("198.51.100.7");
    expect(await addressSeen(parseTrustProxy("loopback"), { "X-Forwarded-For": "203.0.113.9" })).toBe("203.0.113.9");
    // A proxy list that does not name the peer trusts nothing it forwards.
    expect(await addressSeen(parseTrustProxy("10.0.0.0/8"), { "X-Forwarded-For": "203.0.113.9" })).toBe("127.0.0.1");
    // Forwarded addresses in one form; a forwarded value that is no address counts as the proxy's own request.
    expect(await addressSeen(parseTrustProxy("1"), { "X-Forwarded-For": "2001:DB8:0:0::1" })).toBe("2001:db8::1");
    expect(await addressSeen(parseTrustProxy("1"), { "X-Forwarded-For": "garbage" })).toBe("127.0.0.1");
  });

  it("should take no header without this process's stamp for the server's", () => {
    const of = (value: string) => requestClientAddress(new Headers({ [CLIENT_ADDRESS_HEADER]: value }));
    expect(of(stampedAddress("203.0.113.9"))).toBe("203.0.113.9");
    expect(of("203.0.113.9")).toBe("");
    expect(of("203.0.113.9 not-the-stamp")).toBe("");
    expect(of(`${stampedAddress("203.0.113.9")} extra`)).toBe("");
    expect(requestClientAddress(new Headers())).toBe("");
  });

  it("should count an IPv4 client by its address and an IPv6 client by its /64", () => {
    expect(addressBucket("203.0.113.9")).toBe("203.0.113.9");
    expect(addressBucket("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(addressBucket("2001:db8:1:2:3:4:5:6")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("2001:DB8:1:2::ffff")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("")).toBe("");
    expect(normaliseAddress("not an address")).toBeNull();
  });

  it("should refuse a TRUST_PROXY that trusts everyone or cannot be read", () => {
    expect(() => parseTrustProxy("true")).toThrow(BadTrustProxy);
    expect(() => parseTrustProxy("not-an-address")).toThrow(BadTrustProxy);
    for (const off of ["", " ", "false", "0"]) expect(parseTrustProxy(off)("127.0.0.1", 0)).toBe(false);
  });
});
