import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { EVERY_LIST, EVERY_PUBLIC_PAGE, EVERY_SEARCH } from "@/db/queries/cache-invalidations";
import { openInvalidationStore, type InvalidationStore } from "@/lib/cache/invalidation-store.mjs";
import { keepSearches } from "@/lib/http/kept-searches";
import { createTestDb, type TestDb } from "../../support/db";

/**
 * Searches kept in front of Next, against a stand-in for Next that renders a search page as Next does (public
 * Cache-Control, HTML), counting its renders; invalidations are marked in the test's database through a connection of
 * their own, as another server's writes would be.
 */

let t: TestDb;
let store: InvalidationStore;
let writer: InvalidationStore;
let server: http.Server;
let base: string;
let renders: { url: string; acceptEncoding?: string }[] = [];

/** Next's answer to a search: a public, cacheable HTML page. */
function renderPage(req: http.IncomingMessage, res: http.ServerResponse): void {
  res.setHeader("Cache-Control", "s-maxage=60, stale-while-revalidate=30");
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.setHeader("X-Frame-Options", "DENY");
  res.write(`<!doctype html><p>render ${renders.length} of `);
  res.end(`${new URL(req.url!, "http://x").searchParams.get("q")}</p>`);
}
let answer = renderPage;

beforeAll(async () => {
  t = await createTestDb();
  store = openInvalidationStore(t.url);
  writer = openInvalidationStore(t.url);
  server = http.createServer((req, res) => {
    renders.push({ url: req.url!, acceptEncoding: req.headers["accept-encoding"] });
    answer(req, res);
  });
  keepSearches(server, { store: () => store, maxBytes: 1 << 20, maxAgeMs: 60_000 });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(() => {
  renders = [];
  answer = renderPage;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await Promise.all([store.close(), writer.close()]);
  await t.close();
});
const get = async (path: string, headers: Record<string, string> = {}, method = "GET") => {
  const res = await fetch(base + path, { method, headers: { "accept-encoding": "identity", ...headers } });
  return { res, text: await res.text() };
};

describe("searches kept in front of Next", () => {
  it("should answer a search asked again without rendering it, however its URL is written", async () => {
    const first = await get("/claims?q=hospital");
    expect(first.text).toBe("<!doctype html><p>render 1 of hospital</p>");
    expect(first.res.headers.get("x-nextjs-cache")).toBeNull(); // Next's own answer
    for (const path of ["/claims?q=hospital", "/claims?q=hospital&rating=&from=&to=&claimant=&dispute=&sort="]) {
      const again = await get(path);
      expect(again.text).toBe(first.text);
      expect(again.res.headers.get("x-nextjs-cache")).toBe("HIT");
      expect(again.res.headers.get("x-frame-options")).toBe("DENY");
      expect(again.res.headers.get("cache-control")).toBe("s-maxage=60, stale-while-revalidate=30");
    }
    const head = await get("/claims?q=hospital", {}, "HEAD");
    expect(head.res.headers.get("content-length")).toBe(String(Buffer.byteLength(first.text)));
    expect(renders).toHaveLength(1);
    // Another search, another page of it, dates: each rendered once.
    await get("/claims?q=hospital&page=2");
    await get("/claims?q=Hospital");
    await get("/claims?from=2024-01-01");
    await get("/claims?from=2024-01-01");
    expect(renders).toHaveLength(4);
  });

  it("should keep each locale's search apart, and leave to Next a reader it sends to their language", async () => {
    await get("/claims?q=kyiv");
    await get("/uk/claims?q=kyiv");
    expect((await get("/uk/claims?q=kyiv")).res.headers.get("x-nextjs-cache")).toBe("HIT");
    expect((await get("/claims?q=kyiv")).res.headers.get("x-nextjs-cache")).toBe("HIT");
    expect(renders.map((r) => r.url)).toEqual(["/claims?q=kyiv", "/uk/claims?q=kyiv"]);
    // Without a locale in the address, a reader who chose Ukrainian, or whose browser prefers it, is not answered here
    // (the proxy sends them to /uk/claims); one who chose English is, whatever their browser says.
    await get("/claims?q=kyiv", { cookie: "theme=dark; NEXT_LOCALE=uk" });
    await get("/claims?q=kyiv", { "accept-language": "uk-UA,uk;q=0.9,en;q=0.5" });
    expect(renders).toHaveLength(4);
    const chose = await get("/claims?q=kyiv", { cookie: "NEXT_LOCALE=en", "accept-language": "uk" });
    expect(chose.res.headers.get("x-nextjs-cache")).toBe("HIT");
    expect((await get("/claims?q=kyiv", { "accept-language": "de, en;q=0.8" })).res.headers.get("x-nextjs-cache")).toBe(
      "HIT",
    );
    expect(renders).toHaveLength(4);
  });

  it("should render a search again once a publication anywhere invalidated every search, or the rating scale", async () => {
    await get("/claims?q=convoy");
    await get("/claims?q=convoy");
    expect(renders).toHaveLength(1);
    // (A render that begins in the very millisecond of an invalidation is not kept for newer: wait one out.)
    const invalidate = async (tag: string) => {
      await writer.invalidate([tag]);
      await new Promise((resolve) => setTimeout(resolve, 5));
    };
    for (const tag of [EVERY_SEARCH, EVERY_PUBLIC_PAGE]) {
      await invalidate(tag);
      expect((await get("/claims?q=convoy")).text).toMatch(/^<!doctype html><p>render \d of convoy/);
      await get("/claims?q=convoy");
    }
    expect(renders).toHaveLength(3);
    await invalidate(EVERY_LIST); // the lists' own tag: not a search's
    await get("/claims?q=convoy");
    expect(renders).toHaveLength(3);
  });

  it("should serve a kept search no longer than the page's revalidate", async () => {
    const brief = http.createServer((req, res) => {
      renders.push({ url: req.url! });
      renderPage(req, res);
    });
    keepSearches(brief, { store: () => store, maxBytes: 1 << 20, maxAgeMs: 200 });
    await new Promise<void>((resolve) => brief.listen(0, "127.0.0.1", resolve));
    const at = `http://127.0.0.1:${(brief.address() as AddressInfo).port}/claims?q=bridge`;
    await fetch(at);
    await fetch(at);
    expect(renders).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await fetch(at);
    expect(renders).toHaveLength(2);
    await new Promise((resolve) => brief.close(resolve));
  });

  it("should ask Next for plain text and give a client that accepts gzip the kept text gzipped", async () => {
    const plain = await get("/claims?q=grain", { "accept-encoding": "gzip, deflate, br" });
    expect(renders[0]!.acceptEncoding).toBeUndefined();
    const gzipped = await new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) =>
      http
        .get(`${base}/claims?q=grain`, { headers: { "accept-encoding": "gzip" } }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => resolve({ encoding: res.headers["content-encoding"], body: Buffer.concat(chunks) }));
        })
        .on("error", reject),
    );
    expect(gzipped.encoding).toBe("gzip");
    expect(gunzipSync(gzipped.body).toString()).toBe(plain.text);
    expect(renders).toHaveLength(1);
  });

  it("should keep only pages every reader may be given", async () => {
    const refusals: [string, typeof renderPage][] = [
      ["private", (_req, res) => res.writeHead(200, { "cache-control": "private, no-store" }).end("<p>mine</p>")],
      [
        "a cookie",
        (req, res) => {
          res.setHeader("set-cookie", "session=1");
          renderPage(req, res);
        },
      ],
      ["an error", (_req, res) => res.writeHead(500, { "content-type": "text/html" }).end("<p>error</p>")],
      ["not HTML", (_req, res) => res.writeHead(200, { "cache-control": "s-maxage=60" }).end("{}")],
    ];
    for (const [what, refusal] of refusals) {
      answer = refusal;
      renders = [];
      await get(`/claims?q=${encodeURIComponent(what)}`);
      await get(`/claims?q=${encodeURIComponent(what)}`);
      expect(renders, what).toHaveLength(2);
    }
    answer = renderPage;
    renders = [];
    // The router's own requests, lists, other pages and writes go to Next every time.
    await get("/claims?q=vaccine");
    for (const [path, headers, method] of [
      ["/claims?q=vaccine", { rsc: "1" }, "GET"],
      ["/claims?q=vaccine", { "next-router-prefetch": "1" }, "GET"],
      ["/claims?rating=false", {}, "GET"],
      ["/claims", {}, "GET"],
      ["/claims/some-claim?q=vaccine", {}, "GET"],
      ["/claims?q=vaccine", {}, "POST"],
    ] as const) {
      await get(path, headers, method);
      await get(path, headers, method);
    }
    expect(renders).toHaveLength(13);
  });
});
