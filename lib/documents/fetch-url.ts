import dns from "node:dns";
import type { LookupAddress, LookupOptions } from "node:dns";
import ipaddr from "ipaddr.js";
import { Agent, fetch } from "undici";

export const FETCH_LIMITS = { timeoutMs: 10_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5 } as const;

export type FetchedPage = { body: string; kind: "html" | "text" | "markdown"; url: string };

/** Why a URL could not be imported; `message` is for the person who gave the URL. */
export class FetchRefused extends Error {}

class BlockedAddress extends Error {}

const KINDS: Record<string, FetchedPage["kind"]> = {
  "text/html": "html",
  "application/xhtml+xml": "html",
  "text/plain": "text",
  "text/markdown": "markdown",
  "text/x-markdown": "markdown",
};

/** Public unicast addresses only: loopback, private, link-local, multicast and the like are refused. */
function isPublicAddress(address: string): boolean {
  try {
    const ip = ipaddr.process(address);
    if (ip.range() !== "unicast") return false;
    // IPv6: only global unicast (2000::/3); this also refuses the deprecated IPv4-compatible form ::a.b.c.d.
    return ip.kind() === "ipv4" || ((ip as ipaddr.IPv6).parts[0]! & 0xe000) === 0x2000;
  } catch {
    return false;
  }
}

/** A DNS lookup that refuses private addresses at connect time, so DNS rebinding cannot slip past. */
function guardedLookup(allow: ReadonlySet<string>) {
  return (
    hostname: string,
    options: LookupOptions,
    callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const blocked = addresses.find((a) => !isPublicAddress(a.address) && !allow.has(a.address));
      if (blocked && !allow.has(hostname.toLowerCase())) {
        return callback(new BlockedAddress(`${hostname} resolves to ${blocked.address}`), []);
      }
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

function checkUrl(raw: string | URL, allow: ReadonlySet<string>): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchRefused("is not a valid URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new FetchRefused("must start with http:// or https://");
  if (url.username || url.password) throw new FetchRefused("must not contain a user name or password");
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (ipaddr.isValid(host) && !isPublicAddress(host) && !allow.has(host)) {
    throw new FetchRefused(`points to a private or local address (${host}), which is refused`);
  }
  return url;
}

/**
 * Fetches a page to import: http(s) only, redirects followed at most 5 times (each one
 * checked again), 10 s for the whole exchange, at most 5 MB, and only HTML, plain text or
 * Markdown. Private and loopback addresses are refused unless `allowHosts` names them.
 */
export async function fetchPage(
  rawUrl: string,
  { allowHosts = [], timeoutMs = FETCH_LIMITS.timeoutMs }: { allowHosts?: readonly string[]; timeoutMs?: number } = {},
): Promise<FetchedPage> {
  const allow = new Set(allowHosts.map((h) => h.trim().toLowerCase()).filter(Boolean));
  const dispatcher = new Agent({ connect: { lookup: guardedLookup(allow) } });
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    let url = checkUrl(rawUrl, allow);
    for (let hop = 0; ; hop++) {
      const res = await fetch(url, {
        dispatcher,
        signal,
        redirect: "manual",
        headers: {
          accept: "text/html,application/xhtml+xml,text/plain,text/markdown;q=0.9",
          "user-agent": "Claimdesk importer",
        },
      });
      if (res.status >= 300 && res.status < 400 && res.headers.get("location")) {
        await res.body?.cancel();
        if (hop >= FETCH_LIMITS.maxRedirects)
          throw new FetchRefused(`redirected more than ${FETCH_LIMITS.maxRedirects} times`);
        url = checkUrl(new URL(res.headers.get("location")!, url), allow);
        continue;
      }
      if (!res.ok) {
        await res.body?.cancel();
        throw new FetchRefused(`answered HTTP ${res.status}`);
      }
      const contentType = res.headers.get("content-type") ?? "";
      const kind = KINDS[contentType.split(";")[0]!.trim().toLowerCase()];
      if (!kind) {
        await res.body?.cancel();
        throw new FetchRefused(`is not an HTML or text page (content type ${contentType || "missing"})`);
      }
      const declared = Number(res.headers.get("content-length") ?? 0);
      if (declared > FETCH_LIMITS.maxBytes) {
        await res.body?.cancel();
        throw new FetchRefused("is larger than 5 MB");
      }
      const bytes = await readCapped(res.body, FETCH_LIMITS.maxBytes);
      const charset = /charset=([\w-]+)/i.exec(contentType)?.[1] ?? "utf-8";
      return { body: decode(bytes, charset), kind, url: url.toString() };
    }
  } catch (e) {
    throw explain(e, signal, timeoutMs);
  } finally {
    void dispatcher.close();
  }
}

async function readCapped(
  body: (AsyncIterable<Uint8Array> & { cancel(): Promise<void> }) | null,
  max: number,
): Promise<Uint8Array> {
  if (!body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of body) {
    total += chunk.byteLength;
    if (total > max) {
      await body.cancel().catch(() => {});
      throw new FetchRefused("is larger than 5 MB");
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function decode(bytes: Uint8Array, charset: string): string {
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes);
  }
}

function explain(e: unknown, signal: AbortSignal, timeoutMs: number): FetchRefused {
  if (e instanceof FetchRefused) return e;
  if (signal.aborted) return new FetchRefused(`did not answer within ${timeoutMs / 1000} seconds`);
  const cause = (e as { cause?: unknown })?.cause;
  if (cause instanceof BlockedAddress)
    return new FetchRefused(`points to a private or local address (${cause.message}), which is refused`);
  const code = (cause as { code?: string })?.code;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN")
    return new FetchRefused("could not be reached: the host name does not resolve");
  return new FetchRefused(`could not be reached${code ? ` (${code})` : ""}`);
}
