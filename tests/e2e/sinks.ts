/**
 * The world outside the desk for the browser tests: a real SMTP server (the app's SMTP_URL names it) and a webhook
 * receiver that checks every signature, both on loopback, with a small HTTP side for the tests:
 * - `GET /mails`: the mails received, parsed; `GET /hooks`: the webhook requests, in arrival order;
 * - `POST /hooks/secret` (the body is the secret): the secret to check signatures with, from now on;
 * - `GET /health`: 200 once all three listen (Playwright waits for it).
 * Run with `tsx tests/e2e/sinks.ts`; playwright.config.ts starts it before the app.
 */
import http from "node:http";
import { SmtpSink } from "../support/smtp-sink";
import { startReceiver } from "../support/webhook-receiver";
import { MAIL_SINK_PORT, SINKS_CONTROL_PORT, WEBHOOK_SINK_PORT } from "./ports";

async function main() {
  const smtp = new SmtpSink();
  smtp.port = MAIL_SINK_PORT;
  await smtp.start();
  const receiver = await startReceiver(WEBHOOK_SINK_PORT);
  const json = (res: http.ServerResponse, body: unknown) =>
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
  http
    .createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        if (req.method === "GET" && req.url === "/health") return json(res, { ok: true });
        if (req.method === "GET" && req.url === "/mails") return json(res, smtp.mails);
        if (req.method === "GET" && req.url === "/hooks") return json(res, receiver.arrivals);
        if (req.method === "POST" && req.url === "/hooks/secret") {
          receiver.state.secret = Buffer.concat(chunks).toString("utf8");
          return json(res, { ok: true });
        }
        res.writeHead(404).end();
      });
    })
    .listen(SINKS_CONTROL_PORT, "127.0.0.1");
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
