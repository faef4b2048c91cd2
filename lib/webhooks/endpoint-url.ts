import dns from "node:dns/promises";
import ipaddr from "ipaddr.js";
import { text, type Text } from "@/lib/i18n/text";
import type { WebhookAddressPolicy } from "./address-policy";

/**
 * Why a webhook URL cannot be registered, said of the URL, or null when it may: http(s), no user name or password,
 * and an address the policy allows — the address in the URL, or every address its host name resolves to now. (Each
 * delivery checks again where it connects: a name that resolves elsewhere later is refused then.)
 */
export async function endpointUrlProblem(raw: string, policy: WebhookAddressPolicy): Promise<Text | null> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return text("validation.httpUrl");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return text("validation.httpUrl");
  if (url.username || url.password) return text("errors.fetch.credentials");
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (ipaddr.isValid(host)) return policy.refusal(host)?.text ?? null;
  if (policy.allowsName(host)) return null;
  let addresses: { address: string }[];
  try {
    addresses = await dns.lookup(host, { all: true });
  } catch (e) {
    const code = (e as { code?: string }).code;
    return code === "ENOTFOUND" || code === "ENODATA"
      ? text("errors.webhooks.address.unresolved", { host })
      : text("errors.webhooks.address.lookupFailed", { host });
  }
  for (const { address } of addresses) {
    const refusal = policy.refusal(address, undefined, host);
    if (refusal) return refusal.text;
  }
  return null;
}
