import http, { ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  addHeaderToEveryResponse,
  isHttpsBaseUrl,
  secureCookiesOption,
  strictTransportSecurity,
} from "@/lib/config/transport-security";
import { register } from "@/instrumentation";

const HSTS = "max-age=31536000; includeSubDomains";

describe("the HTTPS decision from PUBLIC_BASE_URL", () => {
  it.each([
    ["https://desk.example.org", true],
    ["HTTPS://desk.example.org/", true],
    [" https://desk.example.org/base ", true],
    ["https://localhost:3443", true],
    ["http://desk.example.org", false],
    ["http://localhost:3000", false],
    ["", false],
    [undefined, false],
    ["desk.example.org", false],
    ["ftp://desk.example.org", false],
  ])("%j: HTTPS %s", (url, https) => {
    expect(isHttpsBaseUrl(url)).toBe(https);
    // Secure cookies always over HTTPS; otherwise Auth.js's default (the request's own protocol) stands.
    expect(secureCookiesOption(url)).toBe(https ? true : undefined);
    expect(strictTransportSecurity(url)).toBe(https ? HSTS : null);
  });
});

/** Serves one response with `handler` on a fresh server and returns its headers. */
async function headersOf(handler: http.RequestListener): Promise<Headers> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { redirect: "manual" });
    await res.arrayBuffer();
    return res.headers;
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

// How Next and its static file server answer: headers set one by one, an explicit writeHead with headers, a redirect.
const RESPONSES: [string, http.RequestListener][] = [
  ["setHeader + end", (_req, res) => (res.setHeader("content-type", "text/html"), res.end("<p>page</p>"))],
  ["write + end", (_req, res) => (res.write("chunk"), res.end())],
  ["writeHead with headers", (_req, res) => res.writeHead(200, { "content-type": "text/css" }).end("a{}")],
  ["redirect", (_req, res) => res.writeHead(307, { location: "/login" }).end()],
  ["error", (_req, res) => ((res.statusCode = 500), res.end("boom"))],
];

describe("Strict-Transport-Security on every response", () => {
  const writeHead = ServerResponse.prototype.writeHead;
  const emit = http.Server.prototype.emit;
  afterEach(() => {
    ServerResponse.prototype.writeHead = writeHead;
    http.Server.prototype.emit = emit; // register() stamps client addresses too
    vi.unstubAllEnvs();
  });

  it.each(RESPONSES)("should be added to a response made by %s, and gone once undone", async (_name, handler) => {
    const undo = addHeaderToEveryResponse(ServerResponse.prototype, "Strict-Transport-Security", HSTS);
    expect((await headersOf(handler)).get("strict-transport-security")).toBe(HSTS);
    undo();
    expect((await headersOf(handler)).get("strict-transport-security")).toBeNull();
  });

  it("should leave a value the response set itself", async () => {
    addHeaderToEveryResponse(ServerResponse.prototype, "Strict-Transport-Security", HSTS);
    const headers = await headersOf((_req, res) =>
      res.writeHead(200, { "strict-transport-security": "max-age=0" }).end(),
    );
    expect(headers.get("strict-transport-security")).toBe("max-age=0");
  });

  it("should be installed when the server starts (instrumentation) with an HTTPS PUBLIC_BASE_URL only", async () => {
    vi.stubEnv("NEXT_RUNTIME", "nodejs");
    vi.stubEnv("PUBLIC_BASE_URL", "http://localhost:3000");
    await register();
    expect((await headersOf(RESPONSES[0]![1])).get("strict-transport-security")).toBeNull();
    vi.stubEnv("PUBLIC_BASE_URL", "https://desk.example.org");
    await register();
    for (const [, handler] of RESPONSES) {
      expect((await headersOf(handler)).get("strict-transport-security")).toBe(HSTS);
    }
  });
});
