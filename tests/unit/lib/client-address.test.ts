import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { BadTrustProxy, CLIENT_ADDRESS_HEADER, parseTrustProxy, type TrustProxy } from "@/lib/http/client-address";
import { stampClientAddresses } from "@/lib/http/front-door";

/** Sends one request to a fresh server with the front door installed; returns the address the app was given. */
async function stampedAddress(trust: TrustProxy, headers: Record<string, string> = {}): Promise<string | undefined> {
  const undo = stampClientAddresses(http.Server.prototype, trust);
  let seen: string | string[] | undefined;
  const server = http.createServer((req, res) => {
    seen = req.headers[CLIENT_ADDRESS_HEADER];
    res.end();
  });
  try {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    await (await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { headers })).arrayBuffer();
    return seen as string | undefined;
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
    expect(await stampedAddress(trust)).toBe("127.0.0.1");
    expect(
      await stampedAddress(trust, { "X-Forwarded-For": "203.0.113.9", [CLIENT_ADDRESS_HEADER]: "198.51.100.7" }),
    ).toBe("127.0.0.1");
  });

  it("should follow X-Forwarded-For through the trusted hops only", async () => {
    // One proxy in front (the loopback peer): the client is the last address it appended.
    expect(await stampedAddress(parseTrustProxy("1"), { "X-Forwarded-For": "198.51.100.7, 203.0.113.9" })).toBe(
      "203.0.113.9",
    );
    expect(await stampedAddress(parseTrustProxy("2"), { "X-Forwarded-For": "198.51.100.7, 203.0.113.9" })).toBe(
      "198.51.100.7",
    );
    expect(await stampedAddress(parseTrustProxy("loopback"), { "X-Forwarded-For": "203.0.113.9" })).toBe("203.0.113.9");
    // A proxy list that does not name the peer trusts nothing it forwards.
    expect(await stampedAddress(parseTrustProxy("10.0.0.0/8"), { "X-Forwarded-For": "203.0.113.9" })).toBe("127.0.0.1");
    // The client's own claim in the app's header is dropped behind a proxy too.
    expect(
      await stampedAddress(parseTrustProxy("1"), { "X-Forwarded-For": "203.0.113.9", [CLIENT_ADDRESS_HEADER]: "x" }),
    ).toBe("203.0.113.9");
  });

  it("should refuse a TRUST_PROXY that trusts everyone or cannot be read", () => {
    expect(() => parseTrustProxy("true")).toThrow(BadTrustProxy);
    expect(() => parseTrustProxy("not-an-address")).toThrow(BadTrustProxy);
    for (const off of ["", " ", "false", "0"]) expect(parseTrustProxy(off)("127.0.0.1", 0)).toBe(false);
  });
});
