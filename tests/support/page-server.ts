import http from "node:http";
import type { AddressInfo } from "node:net";

type Route = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** A local HTTP server on 127.0.0.1 for URL-import tests; `routes` maps paths to handlers. */
export async function startPageServer(
  routes: Record<string, Route>,
): Promise<{ url: (path: string) => string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const route = routes[new URL(req.url ?? "/", "http://x").pathname];
    if (route) return route(req, res);
    res.writeHead(404, { "content-type": "text/plain" }).end("not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
