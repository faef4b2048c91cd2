import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchPage } from "@/lib/documents/fetch-url";
import { parseEnv } from "@/lib/config/env";
import { startPageServer } from "../support/page-server";

/**
 * URL import connects to ports 80 and 443 only, unless IMPORT_ALLOW_HOSTS names a `host:port` (redirects included),
 * and its refusals do not tell which ports of a host are open: a closed port, a port where something other than a
 * web server listens and a port where nothing answers all give the same message.
 */

const PAGE =
  "<html><head><title>Allowed</title></head><body><article><p>Served on an allowed port.</p></article></body>";
const GENERIC = "could not be reached: no web server answered there within 0.5 seconds";
const TIMEOUT_MS = 500;

type Listener = { port: number; connections: () => number; close: () => Promise<void> };

/** A raw TCP listener on 127.0.0.1; `onSocket` decides what it does with each connection. */
async function listen(onSocket: (socket: net.Socket) => void): Promise<Listener> {
  const sockets = new Set<net.Socket>();
  let connections = 0;
  const server = net.createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on("error", () => {});
    socket.on("close", () => sockets.delete(socket));
    onSocket(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => connections,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 where nothing listens (taken, then let go). */
async function closedPort(): Promise<number> {
  const l = await listen(() => {});
  await l.close();
  return l.port;
}

let pages: Awaited<ReturnType<typeof startPageServer>>;
let pagesPort = 0;
let other: Awaited<ReturnType<typeof startPageServer>>;
let otherPort = 0;
let otherHits = 0;
let notHttp: Listener;
let silent: Listener;
let closed = 0;

beforeAll(async () => {
  other = await startPageServer({
    "/article": (_req, res) => {
      otherHits++;
      res.writeHead(200, { "content-type": "text/html" }).end(PAGE);
    },
  });
  const otherUrl = other.url("/article");
  otherPort = Number(new URL(otherUrl).port);
  pages = await startPageServer({
    "/article": (_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(PAGE),
    "/to-other-port": (_req, res) => res.writeHead(302, { location: otherUrl }).end(),
  });
  pagesPort = Number(new URL(pages.url("/")).port);
  // Something that is not a web server: it greets in its own protocol, as SSH or SMTP do.
  notHttp = await listen((socket) => socket.end("SSH-2.0-OpenSSH_9.2p1\r\n"));
  // A port that takes the connection and never says anything, as a filtered port never does.
  silent = await listen(() => {});
  closed = await closedPort();
});
afterAll(async () => {
  await Promise.all([pages.close(), other.close(), notHttp.close(), silent.close()]);
});

const at = (port: number, path = "/article") => `http://127.0.0.1:${port}${path}`;
const failure = (url: string, allowHosts: string[]) =>
  fetchPage(url, { allowHosts, timeoutMs: TIMEOUT_MS }).then(
    () => expect.fail(`${url} was fetched`),
    (e: Error) => e.message,
  );

describe("URL import's ports", () => {
  it("should fetch from a local port that IMPORT_ALLOW_HOSTS names as host:port", async () => {
    const page = await fetchPage(at(pagesPort), { allowHosts: [`127.0.0.1:${pagesPort}`] });
    expect(page.body).toContain("Served on an allowed port.");
  });

  it("should refuse another port of an allowed host before connecting, open or closed alike", async () => {
    const before = otherHits;
    const open = await failure(at(otherPort), ["127.0.0.1", `127.0.0.1:${pagesPort}`]);
    const shut = await failure(at(closed), ["127.0.0.1", `127.0.0.1:${pagesPort}`]);
    expect(open).toMatch(/^uses port \d+: only the web ports 80 and 443 may be fetched$/);
    expect(shut.replace(/\d+/, "N")).toBe(open.replace(/\d+/, "N"));
    expect(otherHits).toBe(before);
  });

  it("should refuse a public host on a port other than 80 and 443 before looking it up", async () => {
    expect(await failure("http://no-such-host.invalid:8080/", [])).toBe(
      "uses port 8080: only the web ports 80 and 443 may be fetched",
    );
    expect(await failure("https://no-such-host.invalid:22/", [])).toBe(
      "uses port 22: only the web ports 80 and 443 may be fetched",
    );
  });

  it("should refuse a redirect to a port that is not allowed, without connecting to it", async () => {
    const before = otherHits;
    expect(await failure(at(pagesPort, "/to-other-port"), ["127.0.0.1", `127.0.0.1:${pagesPort}`])).toBe(
      `uses port ${otherPort}: only the web ports 80 and 443 may be fetched`,
    );
    expect(otherHits).toBe(before);
  });

  it("should give the same message for a closed port, a port that does not speak HTTP and one that never answers", async () => {
    const allow = ["127.0.0.1", ...[closed, notHttp.port, silent.port].map((p) => `127.0.0.1:${p}`)];
    const messages = [
      await failure(at(closed), allow),
      await failure(at(notHttp.port), allow),
      await failure(at(silent.port), allow),
    ];
    expect(notHttp.connections()).toBeGreaterThan(0);
    expect(silent.connections()).toBeGreaterThan(0);
    expect(messages).toEqual([GENERIC, GENERIC, GENERIC]);
  });
});

describe("IMPORT_ALLOW_HOSTS", () => {
  it("should take host names, addresses and host:port entries", () => {
    expect(
      parseEnv({ IMPORT_ALLOW_HOSTS: " cms.internal , 10.0.0.5:8080, [fd00::1]:8443, ::1, Wiki.Internal:80" })
        .importAllowHosts,
    ).toEqual(["cms.internal", "10.0.0.5:8080", "[fd00::1]:8443", "::1", "wiki.internal:80"]);
  });

  it.each([
    "cms.internal:0",
    "cms.internal:70000",
    "cms.internal:http",
    "http://cms.internal",
    "cms.internal/x",
    "a b",
  ])("should refuse %j with one line naming the variable", (entry) => {
    expect(() => parseEnv({ IMPORT_ALLOW_HOSTS: entry })).toThrow(
      /^Invalid environment variable IMPORT_ALLOW_HOSTS: .*host or host:port/,
    );
  });
});
