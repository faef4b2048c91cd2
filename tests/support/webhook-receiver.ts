import { createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

/** One request as the receiver saw it. */
export type Arrival = {
  status: number;
  event: string | undefined;
  delivery: string | undefined;
  contentType: string | undefined;
  userAgent: string | undefined;
  raw: string;
  body: { id: string; event: string; claim: { id: number } } | null;
  /** Whether X-Claimdesk-Signature was the HMAC of the raw body with `secret`. */
  signed: boolean;
};

/** What the receiver answers a signed request: a status, and headers or a body if not the usual. */
type Answer = { status: number; headers?: Record<string, string>; body?: string };

/**
 * A webhook receiver as an integrator would write one, on 127.0.0.1: it checks every request's signature against
 * `secret` (HMAC-SHA256 of the raw body, compared in constant time after a length check), refuses a bad one with 401,
 * and otherwise answers what `answer` says (200 unless told). Every request is kept, in arrival order. It can be shut
 * and opened again on the same port. `atPort`: a port of the test's choosing (rejects when it is taken), else any.
 */
export async function startReceiver(atPort = 0) {
  const arrivals: Arrival[] = [];
  const state = {
    secret: "",
    answer: (() => ({ status: 200 })) as (a: Arrival) => Answer | "hang",
    onRequest: null as null | (() => Promise<void>),
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => void respond(req, res, Buffer.concat(chunks)));
  });
  /** Checks the signature, keeps the request, and answers it. */
  const respond = async (req: http.IncomingMessage, res: http.ServerResponse, raw: Buffer) => {
    const expected = Buffer.from(`sha256=${createHmac("sha256", state.secret).update(raw).digest("hex")}`);
    const given = Buffer.from(String(req.headers["x-claimdesk-signature"] ?? ""));
    const signed = given.length === expected.length && timingSafeEqual(given, expected);
    const arrival: Arrival = {
      status: 401,
      event: req.headers["x-claimdesk-event"] as string | undefined,
      delivery: req.headers["x-claimdesk-delivery"] as string | undefined,
      contentType: req.headers["content-type"],
      userAgent: req.headers["user-agent"],
      raw: raw.toString("utf8"),
      body: signed ? (JSON.parse(raw.toString("utf8")) as Arrival["body"]) : null,
      signed,
    };
    arrivals.push(arrival);
    if (state.onRequest) await state.onRequest();
    if (!signed) return res.writeHead(401, { "content-type": "text/plain" }).end("bad signature");
    const answer = state.answer(arrival);
    if (answer === "hang") return;
    arrival.status = answer.status;
    res
      .writeHead(answer.status, { "content-type": "text/plain", ...answer.headers })
      .end(answer.body ?? `answered ${answer.status}`);
  };
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });
  await listen(atPort);
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    arrivals,
    state,
    url: (host = "127.0.0.1") => `http://${host}:${port}/hook`,
    /** Shuts the receiver: nothing listens on its port until `open`. */
    shut: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
    open: () => listen(port),
    reset(secret: string) {
      arrivals.length = 0;
      state.secret = secret;
      state.answer = () => ({ status: 200 });
      state.onRequest = null;
    },
  };
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;
