import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchPage } from "@/lib/documents/fetch-url";
import { startPageServer } from "../../support/page-server";

const PAGE = fs.readFileSync(path.join(import.meta.dirname, "../../fixtures/pages/news-article.html"));
let server: Awaited<ReturnType<typeof startPageServer>>;
// URL import connects to ports 80 and 443 only: the test server's own port is allowed by name.
let allow: { allowHosts: string[] };

beforeAll(async () => {
  server = await startPageServer({
    "/article": (_req, res) => res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE),
    "/plain": (_req, res) => res.writeHead(200, { "content-type": "text/plain" }).end("Plain words."),
    "/pdf": (_req, res) => res.writeHead(200, { "content-type": "application/pdf" }).end("%PDF"),
    "/huge": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      const chunk = Buffer.alloc(1024 * 1024, "a");
      for (let i = 0; i < 6; i++) res.write(chunk);
      res.end();
    },
    "/slow": () => {}, // never answers
    "/gone": (_req, res) => res.writeHead(500, { "content-type": "text/html" }).end("oops"),
    "/hop": (req, res) => {
      const n = Number(new URL(req.url!, "http://x").searchParams.get("n"));
      res.writeHead(302, { location: n > 0 ? `/hop?n=${n - 1}` : "/article" }).end();
    },
    "/to-metadata": (_req, res) => res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data" }).end(),
  });
  allow = { allowHosts: [`127.0.0.1:${new URL(server.url("/")).port}`] };
});
afterAll(() => server.close());

describe("fetchPage", () => {
  it("should fetch an HTML page from an allowed local host", async () => {
    const page = await fetchPage(server.url("/article"), allow);
    expect(page).toMatchObject({ kind: "html", url: server.url("/article") });
    expect(page.body).toContain("those killed were not civilians");
  });

  it("should refuse loopback and private addresses unless allowed", async () => {
    await expect(fetchPage("http://127.0.0.1/article")).rejects.toThrow(/private or local address \(127\.0\.0\.1\)/);
    await expect(fetchPage(server.url("/article"))).rejects.toThrow(/uses port \d+: only the web ports 80 and 443/);
    await expect(fetchPage("http://localhost/x")).rejects.toThrow(/private or local address/);
    await expect(fetchPage("http://10.1.2.3/x")).rejects.toThrow(/private or local address/);
    await expect(fetchPage("http://[::1]/x")).rejects.toThrow(/private or local address/);
  });

  it("should follow up to 5 redirects, and refuse a sixth", async () => {
    expect((await fetchPage(server.url("/hop?n=4"), allow)).url).toBe(server.url("/article"));
    await expect(fetchPage(server.url("/hop?n=5"), allow)).rejects.toThrow(/redirected more than 5 times/);
  });

  it("should check every redirect target again", async () => {
    await expect(fetchPage(server.url("/to-metadata"), allow)).rejects.toThrow(
      /private or local address \(169\.254\.169\.254\)/,
    );
  });

  it.each([
    ["/pdf", /not an HTML or text page \(content type application\/pdf\)/],
    ["/huge", /larger than 5 MB/],
    ["/gone", /answered HTTP 500/],
    ["/missing", /answered HTTP 404/],
  ])("should refuse %s with a clear reason", async (p, message) => {
    await expect(fetchPage(server.url(p), allow)).rejects.toThrow(message);
  });

  it("should give up on a page that does not answer in time", async () => {
    await expect(fetchPage(server.url("/slow"), { ...allow, timeoutMs: 300 })).rejects.toThrow(
      /could not be reached: no web server answered there within 0.3 seconds/,
    );
  });

  it("should refuse other schemes, credentials and unreachable hosts", async () => {
    await expect(fetchPage("ftp://example.org/x")).rejects.toThrow(/http:\/\/ or https:\/\//);
    await expect(fetchPage("file:///etc/passwd")).rejects.toThrow(/http:\/\/ or https:\/\//);
    await expect(fetchPage("http://user:pw@example.org/")).rejects.toThrow(/user name or password/);
    await expect(fetchPage("http://no-such-host.invalid/")).rejects.toThrow(/could not be reached/);
  });
});
