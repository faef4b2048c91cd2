import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/config/env";
import { formatWebhookAllowHost, parseWebhookAllowHost } from "@/lib/config/webhook-allow-hosts";
import { isPublicAddress } from "@/lib/http/guarded-connect";
import { WebhookAddressPolicy } from "@/lib/webhooks/address-policy";
import { signatureOf } from "@/lib/webhooks/deliver";

const normal = (entry: string) => formatWebhookAllowHost(parseWebhookAllowHost(entry));

describe("WEBHOOK_ALLOW_HOSTS", () => {
  it("should take host names, addresses and CIDR ranges, in their normal form", () => {
    expect(
      parseEnv({
        WEBHOOK_ALLOW_HOSTS:
          " Hooks.Internal , 10.0.0.5, 10.1.2.3/8, fd00::/8, [FD00::1], ::ffff:192.168.1.9, ::ffff:10.0.0.0/104,,",
      }).webhookAllowHosts,
    ).toEqual(["hooks.internal", "10.0.0.5", "10.0.0.0/8", "fd00::/8", "fd00::1", "192.168.1.9", "10.0.0.0/8"]);
    expect(parseEnv({}).webhookAllowHosts).toEqual([]);
    expect(normal("пример.укр")).toBe("xn--e1afmkfd.xn--j1amh");
    expect(normal("127.0.0.1/32")).toBe("127.0.0.1");
    expect(normal("::1/128")).toBe("::1");
  });

  it.each([
    "hooks.internal:8080",
    "10.0.0.5:8080",
    "[fd00::1]:8443",
    "http://hooks.internal",
    "hooks.internal/x",
    "user@hooks.internal",
    "a b",
    "10.1",
    "10.0.0.256",
    "10.0.0.0/33",
    "10.0.0.0/x",
    "fd00::/129",
    "hooks..internal",
    "*.internal",
  ])("should refuse %j with one line naming the variable", (entry) => {
    const run = () => parseEnv({ WEBHOOK_ALLOW_HOSTS: `hooks.internal, ${entry}` });
    expect(run).toThrow(
      /^Invalid environment variable WEBHOOK_ALLOW_HOSTS: each entry must be a host name, an address/,
    );
    expect(run).toThrow(`not "${entry}"`);
    try {
      run();
    } catch (e) {
      expect((e as Error).message).not.toContain("\n");
    }
  });
});

describe("the webhook address policy", () => {
  it("should allow public unicast addresses only, on any port, when nothing is allowed", () => {
    const policy = new WebhookAddressPolicy([]);
    for (const address of ["93.184.216.34", "2606:4700::1111", "::ffff:93.184.216.34"]) {
      expect(policy.refusal(address, 22), address).toBeNull();
    }
    for (const address of [
      "127.0.0.1",
      "10.1.2.3",
      "172.16.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "224.0.0.1",
      "::1",
      "fd00::1",
      "fe80::1",
      "::ffff:127.0.0.1",
      "::ffff:10.0.0.1",
      "::127.0.0.1",
      "2001:db8::1",
    ]) {
      expect(policy.refusal(address, 443)?.message, address).toMatch(/^points to a private or local address/);
    }
    expect(policy.refusal("::ffff:10.0.0.1")?.message).toContain("(10.0.0.1)");
    expect(policy.refusal("10.0.0.1", 80, "hooks.internal")?.message).toContain(
      "(hooks.internal resolves to 10.0.0.1)",
    );
  });

  it("should let CIDR ranges through, IPv4 and IPv6 each in their own kind, IPv4-mapped IPv6 as IPv4", () => {
    const policy = new WebhookAddressPolicy(["10.0.0.0/8", "fd00::/8", "127.0.0.1"]);
    expect(policy.refusal("10.255.0.1")).toBeNull();
    expect(policy.refusal("::ffff:10.1.2.3")).toBeNull();
    expect(policy.refusal("fd12:3456::1")).toBeNull();
    expect(policy.refusal("127.0.0.1")).toBeNull();
    expect(policy.refusal("::ffff:127.0.0.1")).toBeNull();
    expect(policy.refusal("127.0.0.2")).not.toBeNull(); // an address is a range of one
    expect(policy.refusal("11.0.0.1")).toBeNull(); // public anyway
    expect(policy.refusal("192.168.0.1")).not.toBeNull();
    expect(policy.refusal("fe80::1")).not.toBeNull();
    expect(policy.refusal("::1")).not.toBeNull(); // an IPv6 address is never in an IPv4 range
    expect(new WebhookAddressPolicy(["::/0"]).refusal("127.0.0.1")).not.toBeNull(); // nor the other way round
    expect(new WebhookAddressPolicy(["::/0"]).refusal("::1")).toBeNull();
  });

  it("should let an exact host name through whatever it resolves to, and only that name", () => {
    const policy = new WebhookAddressPolicy(["hooks.internal"]);
    expect(policy.allowsName("hooks.internal")).toBe(true);
    expect(policy.allowsName("other.internal")).toBe(false);
    expect(policy.allowsName("sub.hooks.internal")).toBe(false);
    expect(policy.refusal("10.0.0.5")).not.toBeNull();
  });

  it("should say public unicast only, as URL import does", () => {
    expect(isPublicAddress("8.8.8.8")).toBe(true);
    expect(isPublicAddress("not an address")).toBe(false);
    expect(isPublicAddress("64:ff9b::7f00:1")).toBe(false); // NAT64 (RFC 6052), here of 127.0.0.1
  });
});

describe("the signature", () => {
  it("should be sha256= and the hex HMAC-SHA256 of the body's UTF-8 bytes with the secret", () => {
    const body = JSON.stringify({ id: "x", claim: { statement: "Маріуполь 🙂" } });
    const expected = createHmac("sha256", "whsec_test").update(Buffer.from(body, "utf8")).digest("hex");
    expect(signatureOf(body, "whsec_test")).toBe(`sha256=${expected}`);
    expect(signatureOf(body, "whsec_other")).not.toBe(`sha256=${expected}`);
  });
});
