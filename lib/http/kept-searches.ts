import type { IncomingMessage, OutgoingHttpHeaders, Server, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { LRUCache } from "lru-cache";
import { EVERY_PUBLIC_PAGE, EVERY_SEARCH } from "@/db/queries/cache-invalidations";
import type { InvalidationStore } from "@/lib/cache/invalidation-store.mjs";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { readerLocale, splitLocale } from "@/lib/i18n/public-path";
import { claimsViewPath } from "@/lib/public/claims-view-path";

/**
 * Searches of the public claims (`/claims?q=…`, and views by dates) kept, rendered, in this server's memory in front of
 * Next: a search asked again is answered from here before Next sees the request, as fast as a static file, while
 * nothing it shows changed. Next's own kept page costs several times as much to serve (routes, rewrites, the page
 * cache's machinery) and searches are most of what readers ask for; a search that is not kept here goes to Next, is
 * rendered, and its answer is kept on its way out.
 *
 * What decides whether a kept search may still be served is what decides it for Next's kept pages
 * (lib/cache/next-cache-handler.mjs): the invalidation times every server shares in the database. Before each answer
 * one small query asks whether every search (`EVERY_SEARCH`: any change to what readers see of a claim, its claimant,
 * document or disputes) or every public page (the rating scale) was invalidated since the search's render began; and a
 * kept search is served for at most `revalidate` seconds, as Next would before rendering it again.
 *
 * Only what is the same for every reader is kept: the HTML of a GET (or HEAD) without Next's router headers, answered
 * 200 with a public Cache-Control and no cookie. The key is the search's locale and kept path (`claimsViewPath`): equal
 * searches asked in other words of the URL (field order, empty fields) share one. Next is asked for the plain text (the
 * request's Accept-Encoding is taken off); a client that accepts gzip gets the kept text gzipped once.
 */
export type KeptSearchesOptions = {
  store: () => InvalidationStore;
  /** The memory the kept searches may take (bytes). */
  maxBytes: number;
  /** How long a kept search may be served at most (ms): the search page's `revalidate`. */
  maxAgeMs: number;
};

type Kept = { headers: OutgoingHttpHeaders; body: Buffer; gzipped?: Buffer; renderedFrom: number };

const TAGS = [EVERY_SEARCH, EVERY_PUBLIC_PAGE];
/** Requests of Next's client router (an RSC payload, a prefetch, a server action): not the page's HTML. */
const ROUTER_HEADERS = [
  "rsc",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-action",
  "next-url",
  "x-prerender-revalidate",
];
/** Headers that belong to one connection or one response, not to the kept page. */
const NOT_KEPT = new Set(["connection", "keep-alive", "date", "transfer-encoding", "content-length", "x-nextjs-cache"]);

/**
 * The kept search a request asks for (its locale and kept path: `/uk/claims/search/…`), or null when it is not a search
 * that may be kept — or when it has no locale in its address and the proxy would send its reader to their language.
 */
export function keptSearchKey(req: Pick<IncomingMessage, "method" | "url" | "headers">): string | null {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  if (ROUTER_HEADERS.some((name) => req.headers[name] !== undefined)) return null;
  if (!URL.canParse(req.url ?? "", "http://localhost")) return null;
  const url = new URL(req.url!, "http://localhost");
  const { locale, path, prefixed } = splitLocale(url.pathname);
  if (path !== "/claims") return null;
  const view = claimsViewPath(url.searchParams);
  if (!view.startsWith("/claims/search/")) return null;
  if (
    !prefixed &&
    readerLocale(cookieValue(req.headers.cookie, LOCALE_COOKIE), req.headers["accept-language"]) !== locale
  ) {
    return null;
  }
  return `/${locale}${view}`;
}

/** One cookie's value from a `Cookie` header. */
function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(";") ?? []) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * Keeps searches in front of the HTTP servers of this process (their `request` event, which every request passes
 * before Next sees it). Returns the undo.
 */
export function keepSearches(prototype: Pick<Server, "emit">, options: KeptSearchesOptions): () => void {
  const kept = new LRUCache<string, Kept>({
    maxSize: Math.max(1, options.maxBytes),
    sizeCalculation: (k) => Math.max(1, k.body.length + (k.gzipped?.length ?? 0)),
  });
  const emit = prototype.emit;
  prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    const [req, res] = args as [IncomingMessage, ServerResponse];
    const key = event === "request" ? keptSearchKey(req) : null;
    if (key === null) return (emit as (...a: unknown[]) => boolean).call(this, event, ...args);
    const next = () => (emit as (...a: unknown[]) => boolean).call(this, event, ...args);
    void lookUp(kept, options, key)
      .then(
        (found) => {
          if ("entry" in found) return send(kept, key, found.entry, req, res);
          keepWhatIsSent(req, res, (headers, body) => kept.set(key, { headers, body, renderedFrom: found.from }));
          next();
        },
        // The database did not answer: Next answers as it would (and fails as it would).
        () => next(),
      )
      // Nothing is left to answer with.
      .catch(() => res.destroy());
    return true;
  } as Server["emit"];
  return () => {
    prototype.emit = emit;
  };
}

/**
 * The kept search when it may still be served; else when a render that begins now begins (the database's clock): an
 * invalidation from then on makes what it sends stale.
 */
async function lookUp(
  kept: LRUCache<string, Kept>,
  options: KeptSearchesOptions,
  key: string,
): Promise<{ entry: Kept } | { from: number }> {
  const { now, invalidatedAt } = await options.store().check(TAGS);
  const entry = kept.get(key);
  if (entry && invalidatedAt < entry.renderedFrom && now - entry.renderedFrom < options.maxAgeMs) return { entry };
  if (entry) kept.delete(key);
  return { from: now };
}

function send(kept: LRUCache<string, Kept>, key: string, entry: Kept, req: IncomingMessage, res: ServerResponse) {
  const gzip = acceptsGzip(String(req.headers["accept-encoding"] ?? ""));
  if (gzip && !entry.gzipped) {
    entry.gzipped = gzipSync(entry.body);
    kept.set(key, entry); // counted at its new size
  }
  const body = gzip ? entry.gzipped! : entry.body;
  res.writeHead(200, {
    ...entry.headers,
    "x-nextjs-cache": "HIT",
    ...(gzip ? { "content-encoding": "gzip" } : {}),
    "content-length": body.length,
  });
  res.end(req.method === "HEAD" ? undefined : body);
}

/**
 * Collects what Next writes on this response, in plain text (the request's Accept-Encoding is taken off first), and
 * hands it to `keep` once sent — if it is a page every reader may be given.
 */
function keepWhatIsSent(
  req: IncomingMessage,
  res: ServerResponse,
  keep: (headers: OutgoingHttpHeaders, body: Buffer) => void,
): void {
  if (req.method !== "GET") return;
  delete req.headers["accept-encoding"];
  const chunks: Buffer[] = [];
  const collect = (chunk: unknown, encoding?: unknown) => {
    if (typeof chunk === "string") {
      chunks.push(Buffer.from(chunk, Buffer.isEncoding(String(encoding)) ? (encoding as BufferEncoding) : "utf8"));
    } else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
  };
  const write = res.write;
  const end = res.end;
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    collect(chunk, rest[0]);
    return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
  } as ServerResponse["write"];
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    if (typeof chunk !== "function") collect(chunk, rest[0]);
    return (end as (...a: unknown[]) => ServerResponse).call(this, chunk, ...rest);
  } as ServerResponse["end"];
  res.once("finish", () => {
    if (isForEveryone(res)) keep(keptHeaders(res), Buffer.concat(chunks));
  });
}

/** A page every reader may be given: 200, HTML, publicly cacheable, not encoded, no cookie. */
function isForEveryone(res: ServerResponse): boolean {
  const cacheControl = String(res.getHeader("cache-control") ?? "");
  return (
    res.statusCode === 200 &&
    /^text\/html\b/.test(String(res.getHeader("content-type") ?? "")) &&
    /\bs-maxage=/.test(cacheControl) &&
    !/\b(private|no-store|no-cache)\b/.test(cacheControl) &&
    !res.hasHeader("set-cookie") &&
    !res.hasHeader("content-encoding")
  );
}

function keptHeaders(res: ServerResponse): OutgoingHttpHeaders {
  return Object.fromEntries(Object.entries(res.getHeaders()).filter(([name]) => !NOT_KEPT.has(name)));
}

/** Whether an Accept-Encoding takes gzip: named (or `*`) without `q=0`. */
export function acceptsGzip(header: string): boolean {
  const q = new Map<string, number>();
  for (const part of header.toLowerCase().split(",")) {
    const [name, ...params] = part.split(";").map((p) => p.trim());
    if (!name) continue;
    const weight = params.find((p) => p.startsWith("q="));
    q.set(name, weight ? Number(weight.slice(2)) || 0 : 1);
  }
  return (q.get("gzip") ?? q.get("*") ?? 0) > 0;
}
