import ipaddr from "ipaddr.js";

/**
 * A WEBHOOK_ALLOW_HOSTS entry: a host name (allowed whatever it resolves to), or a range of addresses (a single
 * address is a range of one: /32 or /128). Webhooks may use any port, so an entry names none.
 */
export type WebhookAllowEntry =
  { kind: "name"; host: string } | { kind: "range"; network: ipaddr.IPv4 | ipaddr.IPv6; bits: number };

/** Why a WEBHOOK_ALLOW_HOSTS entry cannot be used. */
export class BadWebhookAllowHost extends Error {}

/**
 * Parses a WEBHOOK_ALLOW_HOSTS entry: a host name (`hooks.internal`), an address (`10.0.0.5`, `fd00::1`, `[fd00::1]`)
 * or a CIDR range (`10.0.0.0/8`, `fd00::/8`). Names are lower-cased and IDNA-encoded as in a URL; an IPv4-mapped IPv6
 * address or range (`::ffff:10.0.0.5`, `::ffff:10.0.0.0/104`) is taken as the IPv4 one, which is what a connection to
 * it reaches. IPv4 is written in four decimal parts only: `10.1` is refused rather than read as 10.0.0.1.
 */
export function parseWebhookAllowHost(raw: string): WebhookAllowEntry {
  const entry = raw.trim();
  const refuse = () =>
    new BadWebhookAllowHost(
      `each entry must be a host name, an address or a CIDR range (e.g. hooks.internal, 10.0.0.5, 10.0.0.0/8, ` +
        `fd00::/8; webhooks may use any port, so none is named), not "${entry}"`,
    );
  if (entry.includes("/")) return parseRange(entry, refuse);
  const bare = /^\[.*\]$/.test(entry) ? entry.slice(1, -1) : entry;
  if (isStrictAddress(bare)) {
    const ip = ipaddr.process(bare);
    return { kind: "range", network: ip, bits: ip.kind() === "ipv4" ? 32 : 128 };
  }
  if (/^\d+(\.\d+)*$/.test(entry)) throw refuse(); // an address with parts missing, or too many
  // A port, user name, path or anything else beside the host.
  if (entry === "" || /[\s:/@?#%\\[\]]/.test(entry)) throw refuse();
  let host: string;
  try {
    host = new URL(`http://${entry}/`).hostname;
  } catch {
    throw refuse();
  }
  if (!/^[a-z0-9_-]+(\.[a-z0-9_-]+)*\.?$/.test(host)) throw refuse();
  return { kind: "name", host };
}

function parseRange(entry: string, refuse: () => BadWebhookAllowHost): WebhookAllowEntry {
  const [address, bits] = entry.split("/");
  if (!isStrictAddress(address!) || !/^\d{1,3}$/.test(bits ?? "")) throw refuse();
  let network: ipaddr.IPv4 | ipaddr.IPv6;
  let prefix: number;
  try {
    [network, prefix] = ipaddr.parseCIDR(entry);
  } catch {
    throw refuse();
  }
  if (network.kind() === "ipv6" && (network as ipaddr.IPv6).isIPv4MappedAddress() && prefix >= 96) {
    network = (network as ipaddr.IPv6).toIPv4Address();
    prefix -= 96;
  }
  const base =
    network.kind() === "ipv4"
      ? ipaddr.IPv4.networkAddressFromCIDR(`${network.toString()}/${prefix}`)
      : ipaddr.IPv6.networkAddressFromCIDR(`${network.toString()}/${prefix}`);
  return { kind: "range", network: base, bits: prefix };
}

/** An IPv4 address in four decimal parts, or any IPv6 address. */
function isStrictAddress(text: string): boolean {
  return ipaddr.IPv4.isValidFourPartDecimal(text) || ipaddr.IPv6.isValid(text);
}

/** An entry written back in its normal form: `hooks.internal`, `10.0.0.5`, `10.0.0.0/8`, `fd00::/8`. */
export function formatWebhookAllowHost(entry: WebhookAllowEntry): string {
  if (entry.kind === "name") return entry.host;
  const full = entry.bits === (entry.network.kind() === "ipv4" ? 32 : 128);
  return full ? entry.network.toString() : `${entry.network.toString()}/${entry.bits}`;
}

/** Whether an entry allows connecting to `address` (any form ipaddr reads; IPv4-mapped IPv6 is taken as IPv4). */
export function entryAllowsAddress(entry: WebhookAllowEntry, address: string): boolean {
  if (entry.kind !== "range") return false;
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    ip = ipaddr.process(address);
  } catch {
    return false;
  }
  // match() throws when the kinds differ: an IPv4 address is never in an IPv6 range, nor the other way round.
  return ip.kind() === entry.network.kind() && ip.match(entry.network, entry.bits);
}
