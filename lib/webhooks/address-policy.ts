import ipaddr from "ipaddr.js";
import { entryAllowsAddress, parseWebhookAllowHost, type WebhookAllowEntry } from "@/lib/config/webhook-allow-hosts";
import { isPublicAddress, type ConnectPolicy } from "@/lib/http/guarded-connect";
import { text, type Text } from "@/lib/i18n/text";

/** A webhook URL's address refused by the policy: `text` says why, of the URL ("points to a private…"). */
export class AddressRefused extends Error {
  constructor(readonly text: Text) {
    super(String(text));
  }
}

/**
 * Where webhook deliveries may go: public unicast addresses, as for URL import, and whatever WEBHOOK_ALLOW_HOSTS
 * names (host names, addresses, CIDR ranges). Unlike URL import, on any port: an admin chooses the URL, and what the
 * rule keeps out of reach is the desk's own network (its loopback, private ranges and cloud metadata addresses), which
 * a port rule would not protect any better. It is checked when an endpoint is registered (the URL's address, or every
 * address its name resolves to) and again where each delivery's socket is made.
 */
export class WebhookAddressPolicy implements ConnectPolicy<AddressRefused> {
  private readonly entries: WebhookAllowEntry[];

  constructor(allowHosts: readonly string[]) {
    this.entries = allowHosts.filter((h) => h.trim()).map(parseWebhookAllowHost);
  }

  /** Whether an entry names the host name `host` (any port): it may then resolve to any address. */
  allowsName(host: string): boolean {
    return this.entries.some((e) => e.kind === "name" && e.host === host);
  }

  /** Why a delivery may not connect to `address` (what `host` resolved to, if a name did), or null if it may. */
  refusal(address: string, _port?: number, host?: string): AddressRefused | null {
    if (isPublicAddress(address) || this.entries.some((e) => entryAllowsAddress(e, address))) return null;
    const shown = ipaddr.isValid(address) ? ipaddr.process(address).toString() : address;
    return new AddressRefused(
      host
        ? text("errors.webhooks.address.privateResolved", { host, address: shown })
        : text("errors.webhooks.address.private", { address: shown }),
    );
  }
}
