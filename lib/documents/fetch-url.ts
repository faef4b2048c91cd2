import ipaddr from "ipaddr.js";
import { Agent, fetch } from "undici";
import { parseAllowedHost, type AllowedHost } from "@/lib/config/import-allow-hosts";
import { blockedBy, guardedConnector, isPublicAddress, type ConnectPolicy } from "@/lib/http/guarded-connect";
import { text, type Text } from "@/lib/i18n/text";

export const FETCH_LIMITS = { timeoutMs: 10_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5 } as const;

export type FetchedPage = { body: string; kind: "html" | "text" | "markdown"; url: string };

/**
 * Why a URL could not be imported, for the person who gave the URL: `text` in any language ("is not a valid URL",
 * said of the URL), `message` in English.
 */
export class FetchRefused extends Error {
  constructor(readonly text: Text) {
    super(String(text));
  }
}

const KINDS: Record<string, FetchedPage["kind"]> = {
  "text/html": "html",
  "application/xhtml+xml": "html",
  "text/plain": "text",
  "text/markdown": "markdown",
  "text/x-markdown": "markdown",
};

/** The ports URL import connects to on any host it may fetch; others only where IMPORT_ALLOW_HOSTS names them. */
const WEB_PORTS: ReadonlySet<number> = new Set([80, 443]);

const portRefused = (port: number) => new FetchRefused(text("errors.fetch.port", { port: String(port) }));
/** `address` refused; `host` is the name that resolved to it, if one did. */
const privateRefused = (address: string, host?: string) =>
  new FetchRefused(
    host ? text("errors.fetch.privateResolved", { host, address }) : text("errors.fetch.private", { address }),
  );

/** Which hosts and ports import may connect to: IMPORT_ALLOW_HOSTS's entries, and public addresses on 80 and 443. */
class ImportPolicy implements ConnectPolicy<FetchRefused> {
  private readonly entries: AllowedHost[];

  constructor(allowHosts: readonly string[]) {
    this.entries = allowHosts.filter((h) => h.trim()).map(parseAllowedHost);
  }

  /** Whether an entry names `host` (a name or an address) on `port`: `host` for 80 and 443, `host:port` for others. */
  allowsName(host: string, port: number): boolean {
    return this.entries.some((e) => e.host === host && (e.port === null ? WEB_PORTS.has(port) : e.port === port));
  }

  /** Whether some host may be fetched on `port`: a web port, or one an entry names. */
  mayUsePort(port: number): boolean {
    return WEB_PORTS.has(port) || this.entries.some((e) => e.port === port);
  }

  /** Why connecting to `address` (what `host` resolved to, if a name did) on `port` is refused, or null if not. */
  refusal(address: string, port: number, host?: string): FetchRefused | null {
    if (this.allowsName(address, port)) return null;
    if (!isPublicAddress(address)) return privateRefused(address, host);
    return WEB_PORTS.has(port) ? null : portRefused(port);
  }
}

function checkUrl(raw: string | URL, policy: ImportPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchRefused(text("errors.fetch.invalidUrl"));
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new FetchRefused(text("errors.fetch.scheme"));
  if (url.username || url.password) throw new FetchRefused(text("errors.fetch.credentials"));
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  const port = Number(url.port) || (url.protocol === "https:" ? 443 : 80);
  // Refused before any lookup or connection, so that the answer says nothing about what listens there.
  if (!policy.mayUsePort(port)) throw portRefused(port);
  if (ipaddr.isValid(host)) {
    const refusal = policy.refusal(host, port);
    if (refusal) throw refusal;
  }
  return url;
}

/**
 * Fetches a page to import: http(s) only, redirects followed at most 5 times (each one
 * checked again), 10 s for the whole exchange, at most 5 MB, and only HTML, plain text or
 * Markdown. Private and loopback addresses, and ports other than 80 and 443, are refused unless
 * `allowHosts` (IMPORT_ALLOW_HOSTS: `host` or `host:port` entries) names them. Until a web server
 * answers, every failure gives the same message, so that import cannot be used to learn which
 * ports of a host are open.
 */
export async function fetchPage(
  rawUrl: string,
  { allowHosts = [], timeoutMs = FETCH_LIMITS.timeoutMs }: { allowHosts?: readonly string[]; timeoutMs?: number } = {},
): Promise<FetchedPage> {
  const policy = new ImportPolicy(allowHosts);
  const dispatcher = new Agent({ connect: guardedConnector(policy, timeoutMs) });
  const signal = AbortSignal.timeout(timeoutMs);
  // Whether a web server answered the last request: before that, failures say nothing of why.
  let answered = false;
  try {
    let url = checkUrl(rawUrl, policy);
    for (let hop = 0; ; hop++) {
      answered = false;
      const res = await fetch(url, {
        dispatcher,
        signal,
        redirect: "manual",
        headers: {
          accept: "text/html,application/xhtml+xml,text/plain,text/markdown;q=0.9",
          "user-agent": "Claimdesk importer",
        },
      });
      answered = true;
      if (res.status >= 300 && res.status < 400 && res.headers.get("location")) {
        await res.body?.cancel();
        if (hop >= FETCH_LIMITS.maxRedirects)
          throw new FetchRefused(text("errors.fetch.redirects", { max: FETCH_LIMITS.maxRedirects }));
        url = checkUrl(new URL(res.headers.get("location")!, url), policy);
        continue;
      }
      if (!res.ok) {
        await res.body?.cancel();
        throw new FetchRefused(text("errors.fetch.httpStatus", { status: String(res.status) }));
      }
      const contentType = res.headers.get("content-type") ?? "";
      const kind = KINDS[contentType.split(";")[0]!.trim().toLowerCase()];
      if (!kind) {
        await res.body?.cancel();
        throw new FetchRefused(
          contentType ? text("errors.fetch.contentType", { contentType }) : text("errors.fetch.contentTypeMissing"),
        );
      }
      const declared = Number(res.headers.get("content-length") ?? 0);
      if (declared > FETCH_LIMITS.maxBytes) {
        await res.body?.cancel();
        throw new FetchRefused(text("errors.fetch.tooLarge"));
      }
      const bytes = await readCapped(res.body, FETCH_LIMITS.maxBytes);
      const charset = /charset=([\w-]+)/i.exec(contentType)?.[1] ?? "utf-8";
      return { body: decode(bytes, charset), kind, url: url.toString() };
    }
  } catch (e) {
    throw explain(e, signal, timeoutMs, answered);
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
      throw new FetchRefused(text("errors.fetch.tooLarge"));
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

function explain(e: unknown, signal: AbortSignal, timeoutMs: number, answered: boolean): FetchRefused {
  if (e instanceof FetchRefused) return e;
  const seconds = timeoutMs / 1000;
  if (answered) {
    return signal.aborted
      ? new FetchRefused(text("errors.fetch.slowPage", { seconds }))
      : new FetchRefused(text("errors.fetch.brokeOff"));
  }
  const blocked = blockedBy<FetchRefused>(e);
  if (blocked) return blocked;
  const cause = (e as { cause?: unknown })?.cause;
  const code = (cause as { code?: string })?.code;
  if (!signal.aborted && (code === "ENOTFOUND" || code === "EAI_AGAIN"))
    return new FetchRefused(text("errors.fetch.unresolved"));
  // Refused, reset, timed out, not HTTP, TLS failed: one message, so that it does not tell a closed port from an
  // open one, or a filtered one.
  return new FetchRefused(text("errors.fetch.unreachable", { seconds }));
}
