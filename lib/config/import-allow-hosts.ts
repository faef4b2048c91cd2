import ipaddr from "ipaddr.js";

/** An IMPORT_ALLOW_HOSTS entry: a host name or address, and the one port it is allowed on (null: 80 and 443). */
export type AllowedHost = { host: string; port: number | null };

/** Why an IMPORT_ALLOW_HOSTS entry cannot be used. */
export class BadAllowedHost extends Error {}

/**
 * Parses an IMPORT_ALLOW_HOSTS entry: `host` (`cms.internal`, `10.0.0.5`, `fd00::1`) or `host:port`
 * (`cms.internal:8080`, `[fd00::1]:8443`). The host is lower-cased and, as in a URL, IDNA-encoded and IPv4-normalized.
 */
export function parseAllowedHost(raw: string): AllowedHost {
  const entry = raw.trim();
  const refuse = () =>
    new BadAllowedHost(
      `each entry must be a host or host:port (e.g. cms.internal, 10.0.0.5:8080, [fd00::1]:8443), not "${entry}"`,
    );
  let host: string;
  let port: string | undefined;
  if (ipaddr.IPv6.isValid(entry)) host = `[${entry}]`;
  else {
    const m = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(entry);
    if (!m) throw refuse();
    host = m[1]!;
    port = m[2];
  }
  let hostname: string;
  try {
    const url = new URL(`http://${host}/`);
    // Nothing but the host: no user name, path, query or fragment slipped in.
    if (url.href !== `http://${url.host}/` || url.port) throw refuse();
    hostname = url.hostname.replace(/^\[|\]$/g, "");
  } catch {
    throw refuse();
  }
  if (!ipaddr.isValid(hostname) && !/^[a-z0-9_-]+(\.[a-z0-9_-]+)*\.?$/.test(hostname)) throw refuse();
  const number = port === undefined ? null : Number(port);
  if (number !== null && (number < 1 || number > 65535)) throw refuse();
  return { host: hostname, port: number };
}

/** An entry written back in its normal form: `cms.internal`, `10.0.0.5:8080`, `fd00::1`, `[fd00::1]:8443`. */
export function formatAllowedHost({ host, port }: AllowedHost): string {
  if (port === null) return host;
  return `${host.includes(":") ? `[${host}]` : host}:${port}`;
}
