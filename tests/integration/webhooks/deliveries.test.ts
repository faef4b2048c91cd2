import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { WEBHOOK_EVENTS, type WebhookEvent } from "@/db/enums";
import { deliveryAttempts, outbox, webhooks, type OutboxRow } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { queryRows } from "@/db/sql";
import type { Actor } from "@/lib/auth/actor";
import { drainOutbox, RETRY_DELAYS_MS, type Sender } from "@/lib/outbox/outbox";
import { writeTransaction } from "@/lib/services/transaction";
import { createWebhook } from "@/lib/services/webhooks/create-webhook";
import { deleteWebhook } from "@/lib/services/webhooks/delete-webhook";
import { listDeliveries } from "@/lib/services/webhooks/list-deliveries";
import { listWebhooks } from "@/lib/services/webhooks/list-webhooks";
import { redeliverWebhook } from "@/lib/services/webhooks/redeliver-webhook";
import { updateWebhook } from "@/lib/services/webhooks/update-webhook";
import { deliverWebhook, webhookSender } from "@/lib/webhooks/deliver";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import { webhookPayload } from "@/lib/webhooks/payload";
import { refusal } from "../../support/fixtures";
import { createTestDb, type TestDb } from "../../support/db";
import { startReceiver, type Receiver } from "../../support/webhook-receiver";

/**
 * Webhook deliveries end to end: events written with a claim's change, sent from the outbox by the real sender to a
 * real HTTP receiver on 127.0.0.1 that checks every signature, with retries on the outbox's schedule (the clock moved
 * past each delay), per-claim order, redelivery, and the address policy at registration and at delivery.
 */

// WEBHOOK_ALLOW_HOSTS as each test sets it (the receiver is on loopback, which only the allow list lets through).
const env = vi.hoisted(() => ({ allow: "" }));
vi.mock("@/lib/config/env", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/config/env")>();
  return { ...real, getEnv: () => real.parseEnv({ ...process.env, WEBHOOK_ALLOW_HOSTS: env.allow }) };
});

const SECRET = "receiver-secret-0123456789";
let t: TestDb;
let admin: Actor;
let receiver: Receiver;
let claimA = 0;
let claimB = 0;
/** The outbox's clock: ahead of every row written by the test, moved past retry delays by `afterRetry`. */
let clock = 0;

beforeAll(async () => {
  t = await createTestDb();
  await seedDemo(t.db);
  const [user] = await queryRows<{ id: number }>(t.db, sql`select id from users where role = 'admin' limit 1`);
  admin = { kind: "user", userId: user!.id };
  [claimA, claimB] = (await queryRows<{ id: number }>(t.db, sql`select id from claims order by id limit 2`)).map(
    (r) => r.id,
  ) as [number, number];
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.shut();
  await t.close();
});
beforeEach(() => {
  env.allow = "127.0.0.1";
  receiver.reset(SECRET);
  clock = Date.now() + 60_000;
});
afterEach(async () => {
  // Every request the receiver got was signed with the endpoint's secret (unless a test said otherwise and cleared).
  expect(receiver.arrivals.filter((a) => !a.signed)).toEqual([]);
  for (const w of await listWebhooks(admin)) await deleteWebhook(admin, { webhookId: w.id });
});

const register = async (events: WebhookEvent[] = [...WEBHOOK_EVENTS], url = receiver.url()) =>
  (await createWebhook(admin, { url, events, secret: SECRET })).webhook;
const emit = (event: WebhookEvent, claimId: number) =>
  writeTransaction((tx) => emitWebhookEvent(tx, event, { who: null, claimId }));
const drain = (send: Sender = deliverWebhook) => drainOutbox({ webhook: send }, { now: () => new Date(clock) });
/** Moves the clock past the longest (jittered) wait after failed attempt `n`. */
const afterRetry = (n: number) => {
  clock += RETRY_DELAYS_MS[n - 1]! * 1.2 + 1000;
};
/** An endpoint's deliveries, oldest first. */
const deliveriesOf = async (webhookId: number) =>
  (await listDeliveries(admin, { webhookId, limit: 100 })).deliveries.reverse();
/** What the receiver got about a claim, in arrival order: "event status". */
const about = (claimId: number) =>
  receiver.arrivals.filter((a) => a.body?.claim.id === claimId).map((a) => `${a.event} ${a.status}`);

describe("webhook deliveries", () => {
  it("should deliver each event an endpoint hears of, signed, with its headers and the exact stored bytes", async () => {
    const hook = await register(["claim.created", "verdict.published"]);
    await emit("claim.created", claimA);
    await emit("claim.assigned", claimA); // not one of its events
    expect(await drain()).toBe(1);

    expect(receiver.arrivals).toHaveLength(1);
    const [arrival] = receiver.arrivals;
    expect(arrival).toMatchObject({
      status: 200,
      signed: true,
      event: "claim.created",
      contentType: "application/json",
      userAgent: "Claimdesk-Webhooks",
    });
    const [delivery] = await deliveriesOf(hook.id);
    expect(arrival!.delivery).toBe(String(delivery!.id));
    const [row] = await t.db.select().from(outbox).where(eq(outbox.id, delivery!.id));
    expect(arrival!.raw).toBe(JSON.stringify(row!.payload));
    expect(webhookPayload.parse(arrival!.body)).toMatchObject({ event: "claim.created", claim: { id: claimA } });
    expect(delivery).toMatchObject({
      state: "delivered",
      event: "claim.created",
      eventId: arrival!.body!.id,
      claimId: claimA,
      nextAttemptAt: null,
      attempts: [{ status: 200, response: "answered 200", error: null }],
    });
  });

  it("should be refused by a receiver that checks the signature with another secret, and tried again", async () => {
    const hook = await register();
    receiver.reset("not-the-endpoint-secret-0123");
    await emit("claim.created", claimA);
    await drain();
    expect(receiver.arrivals.map((a) => [a.signed, a.status])).toEqual([[false, 401]]);
    const [delivery] = await deliveriesOf(hook.id);
    expect(delivery).toMatchObject({
      state: "retrying",
      lastStatus: 401,
      lastError: "The receiver answered HTTP 401.",
    });
    expect(delivery!.nextAttemptAt!.getTime()).toBeGreaterThan(clock);
    receiver.arrivals.length = 0;
  });

  it("should send a claim's events in the order written, holding the later ones while the first is retried", async () => {
    const hook = await register();
    let failed = false;
    receiver.state.answer = (a) => {
      if (a.body!.claim.id !== claimA || failed) return { status: 200 };
      failed = true;
      return { status: 500 };
    };
    await emit("claim.created", claimA);
    await emit("claim.assigned", claimA);
    await emit("verdict.submitted", claimA);
    await emit("claim.created", claimB);

    await drain();
    expect(about(claimA)).toEqual(["claim.created 500"]);
    expect(about(claimB)).toEqual(["claim.created 200"]); // another claim's events do not wait
    await drain(); // not due yet
    expect(about(claimA)).toEqual(["claim.created 500"]);

    afterRetry(1);
    await drain();
    expect(about(claimA)).toEqual([
      "claim.created 500",
      "claim.created 200",
      "claim.assigned 200",
      "verdict.submitted 200",
    ]);
    const first = receiver.arrivals.filter((a) => a.body?.claim.id === claimA).slice(0, 2);
    expect(first[1]!.delivery).toBe(first[0]!.delivery); // the same delivery, tried again
    const deliveries = await deliveriesOf(hook.id);
    expect(deliveries.map((d) => d.state)).toEqual(["delivered", "delivered", "delivered", "delivered"]);
    expect(deliveries[0]!.attempts.map((a) => a.status)).toEqual([500, 200]);
  });

  it("should deliver again once a receiver that was shut is back", async () => {
    const hook = await register();
    await receiver.shut();
    try {
      await emit("claim.created", claimA);
      await emit("claim.assigned", claimA);
      await drain();
      const [first, second] = await deliveriesOf(hook.id);
      expect(first).toMatchObject({
        state: "retrying",
        lastStatus: null,
        lastError: "The connection was refused: nothing listens there.",
      });
      expect(first!.attempts).toEqual([expect.objectContaining({ status: null, error: first!.lastError })]);
      expect(second).toMatchObject({ state: "pending", attempts: [] });
    } finally {
      await receiver.open();
    }
    afterRetry(1);
    await drain();
    expect(about(claimA)).toEqual(["claim.created 200", "claim.assigned 200"]);
    expect((await deliveriesOf(hook.id)).map((d) => [d.state, d.attempts.length])).toEqual([
      ["delivered", 2],
      ["delivered", 1],
    ]);
  });

  it("should give a delivery up when the schedule runs out, and then send the claim's next one", async () => {
    const hook = await register();
    receiver.state.answer = (a) => ({ status: a.event === "claim.created" ? 503 : 200 });
    await emit("claim.created", claimA);
    await emit("claim.assigned", claimA);
    for (let attempt = 1; attempt <= RETRY_DELAYS_MS.length + 1; attempt++) {
      await drain();
      afterRetry(Math.min(attempt, RETRY_DELAYS_MS.length));
    }
    const [dead, next] = await deliveriesOf(hook.id);
    expect(dead).toMatchObject({ state: "dead", nextAttemptAt: null, lastStatus: 503 });
    expect(dead!.attempts).toHaveLength(RETRY_DELAYS_MS.length + 1);
    expect(next).toMatchObject({ state: "delivered" });
    expect(about(claimA)).toEqual([
      ...Array<string>(RETRY_DELAYS_MS.length + 1).fill("claim.created 503"),
      "claim.assigned 200",
    ]);
    const hours = (dead!.deadAt!.getTime() - dead!.createdAt.getTime()) / 3_600_000;
    expect(hours).toBeGreaterThan(27.6 * 0.8);
  });

  it("should send a delivery again as a new delivery of the same event, after the ones waiting", async () => {
    const hook = await register();
    await emit("claim.created", claimA);
    await drain();
    const [original] = await deliveriesOf(hook.id);
    const again = await redeliverWebhook(admin, { deliveryId: original!.id });
    expect(again).toMatchObject({ redeliveryOf: original!.id, eventId: original!.eventId, state: "pending" });
    expect(again.id).not.toBe(original!.id);
    await drain();
    const [first, second] = receiver.arrivals;
    expect(second!.body!.id).toBe(first!.body!.id);
    expect(second!.raw).toBe(first!.raw);
    expect([first!.delivery, second!.delivery]).toEqual([String(original!.id), String(again.id)]);

    // Not while it still waits to be sent; not while the endpoint is paused.
    await emit("claim.assigned", claimA);
    const [, , waiting] = await deliveriesOf(hook.id);
    expect(waiting!.state).toBe("pending");
    const e = await refusal(() => redeliverWebhook(admin, { deliveryId: waiting!.id }));
    expect([e.code, e.message]).toEqual([
      "conflict",
      `Delivery ${waiting!.id} is still waiting to be sent; it can be sent again once it was delivered or given up.`,
    ]);
    await updateWebhook(admin, { webhookId: hook.id, version: hook.version, active: false });
    expect((await refusal(() => redeliverWebhook(admin, { deliveryId: original!.id }))).message).toBe(
      "The endpoint is paused: resume it before sending its deliveries again.",
    );
    expect((await refusal(() => redeliverWebhook(admin, { deliveryId: 987654 }))).code).toBe("not_found");
  });

  it("should fail a paused endpoint's waiting deliveries for good, to be sent again once it is resumed", async () => {
    const hook = await register();
    await emit("claim.created", claimA);
    const paused = await updateWebhook(admin, { webhookId: hook.id, version: hook.version, active: false });
    expect(paused.active).toBe(false);
    await emit("claim.assigned", claimA); // a paused endpoint hears of nothing new
    await drain();
    expect(receiver.arrivals).toEqual([]);
    const [delivery, ...none] = await deliveriesOf(hook.id);
    expect(none).toEqual([]);
    expect(delivery).toMatchObject({
      state: "dead",
      lastError: "The endpoint is paused: resume it, then send this delivery again.",
    });
    expect(delivery!.attempts).toHaveLength(1);

    await updateWebhook(admin, { webhookId: hook.id, version: paused.version, active: true });
    await redeliverWebhook(admin, { deliveryId: delivery!.id });
    await drain();
    expect(about(claimA)).toEqual(["claim.created 200"]);
  });

  it("should not follow a redirect, nor wait past the timeout: both are tried again", async () => {
    const hook = await register();
    receiver.state.answer = () => ({ status: 301, headers: { location: "http://127.0.0.1:9/elsewhere" } });
    await emit("claim.created", claimA);
    await drain();
    expect(receiver.arrivals).toHaveLength(1);
    let [delivery] = await deliveriesOf(hook.id);
    expect(delivery).toMatchObject({ state: "retrying", lastStatus: 301 });
    expect(delivery!.lastError).toMatch(
      /^The receiver answered HTTP 301, a redirect \(to http:\/\/127\.0\.0\.1:9\/elsewhere\)/,
    );

    receiver.state.answer = () => "hang";
    afterRetry(1);
    const started = performance.now();
    await drain(webhookSender({ timeoutMs: 300 }));
    expect(performance.now() - started).toBeLessThan(5_000);
    [delivery] = await deliveriesOf(hook.id);
    expect(delivery).toMatchObject({ state: "retrying", lastStatus: null, lastError: "No answer within 0.3 seconds." });
  });

  it("should deliver to any port, even one that browsers (and fetch) refuse to connect to", async (ctx) => {
    let other: Receiver | null = null;
    for (const port of [6665, 6666, 6667, 6668, 6669, 10080]) {
      other = await startReceiver(port).catch(() => null);
      if (other) break;
    }
    if (!other) return ctx.skip(); // every such port taken on this machine
    try {
      other.reset(SECRET);
      await register(["claim.created"], other.url());
      await emit("claim.created", claimA);
      await drain();
      expect(other.arrivals.map((a) => [a.signed, a.status])).toEqual([[true, 200]]);
    } finally {
      await other.shut();
    }
  });

  it("should keep the first 2,000 characters of a long answer", async () => {
    const hook = await register();
    receiver.state.answer = () => ({ status: 200, body: "x".repeat(50_000) });
    await emit("claim.created", claimA);
    await drain();
    const [delivery] = await deliveriesOf(hook.id);
    expect(delivery!.attempts[0]!.response).toBe("x".repeat(2000));
  });

  it("should end a send without an error when its endpoint is deleted meanwhile (its deliveries go with it)", async () => {
    const hook = await register();
    receiver.state.onRequest = () => deleteWebhook(admin, { webhookId: hook.id });
    await emit("claim.created", claimA);
    await emit("claim.assigned", claimA);
    expect(await drain()).toBe(1);
    expect(await t.db.select().from(webhooks)).toEqual([]);
    expect(await t.db.select().from(outbox)).toEqual([]);
    expect(await t.db.select().from(deliveryAttempts)).toEqual([]);
  });

  it("should fail for good a row whose endpoint no longer exists", async () => {
    const row = { id: 1, webhookId: 987654, payload: {}, event: "claim.created" } as OutboxRow;
    expect(await deliverWebhook(row)).toEqual({ ok: false, permanent: true, error: "The endpoint was deleted." });
  });
});

describe("where webhooks may be sent", () => {
  const urlRefusal = async (url: string) => {
    const e = await refusal(() => createWebhook(admin, { url, events: ["claim.created"] }));
    expect(e.code).toBe("validation_failed");
    expect(e.issues?.map((i) => i.path)).toEqual(["url"]);
    return e.issues![0]!.message;
  };

  it("should refuse private, local and unresolvable addresses at registration, naming the URL", async () => {
    env.allow = "";
    const cases: [string, RegExp][] = [
      ["http://10.1.2.3/hook", /^points to a private or local address \(10\.1\.2\.3\), which webhooks may not reach/],
      [receiver.url(), /\(127\.0\.0\.1\)/],
      [receiver.url("localhost"), /\(localhost resolves to 127\.0\.0\.1\)/],
      ["http://[::ffff:127.0.0.1]:8080/hook", /\(127\.0\.0\.1\)/],
      ["http://169.254.169.254/latest/meta-data", /\(169\.254\.169\.254\)/],
      ["https://[fd00::1]/hook", /\(fd00::1\)/],
      ["http://0.0.0.0:8080/", /\(0\.0\.0\.0\)/],
      ["http://user:secret@93.184.216.34/hook", /^must not contain a user name or password$/],
      // Offline (no resolver to ask), the name "could not be looked up" rather than "does not resolve".
      [
        "http://no-such-host.invalid/hook",
        /^(cannot be reached: the host name no-such-host\.invalid does not resolve|could not be checked: the host name no-such-host\.invalid could not be looked up just now; try again)$/,
      ],
    ];
    for (const [url, message] of cases) expect(await urlRefusal(url), url).toMatch(message);
    const e = await refusal(() => createWebhook(admin, { url: "http://10.1.2.3/hook", events: ["claim.created"] }));
    expect(e.message).toMatch(/^Invalid input — url: points to a private or local address \(10\.1\.2\.3\)/);
    expect(await t.db.select().from(webhooks)).toEqual([]);
    // Public addresses, on any port.
    const { webhook } = await createWebhook(admin, {
      url: "https://93.184.216.34:8443/hook",
      events: ["claim.created"],
    });
    expect(webhook.url).toBe("https://93.184.216.34:8443/hook");
  });

  it("should let WEBHOOK_ALLOW_HOSTS's exact hosts, addresses and CIDR ranges through", async () => {
    env.allow = "10.0.0.0/8, fd00::/8";
    for (const url of ["http://10.1.2.3/hook", "https://[fd00::1]:8443/hook", "http://[::ffff:10.9.9.9]/hook"]) {
      expect((await createWebhook(admin, { url, events: ["claim.created"] })).webhook.url).toBe(url);
    }
    expect(await urlRefusal(receiver.url())).toMatch(/\(127\.0\.0\.1\)/);
    env.allow = "127.0.0.1";
    await createWebhook(admin, { url: receiver.url(), events: ["claim.created"] });
    // An allowed address is allowed whatever name leads to it.
    await createWebhook(admin, { url: receiver.url("localhost"), events: ["claim.created"] });
    env.allow = "localhost";
    await createWebhook(admin, { url: receiver.url("localhost"), events: ["claim.created"] });
    expect(await urlRefusal(receiver.url())).toMatch(/\(127\.0\.0\.1\)/);
  });

  it("should refuse at delivery an address the policy no longer allows, for good, before connecting", async () => {
    env.allow = "localhost";
    const byName = await register(["claim.created"], receiver.url("localhost"));
    env.allow = "127.0.0.1";
    const byAddress = await register(["claim.created"], receiver.url());
    env.allow = "";
    await emit("claim.created", claimA);
    await drain();
    expect(receiver.arrivals).toEqual([]);
    const [named] = await deliveriesOf(byName.id);
    const [addressed] = await deliveriesOf(byAddress.id);
    expect(named).toMatchObject({ state: "dead", lastStatus: null });
    expect(named!.lastError).toMatch(/^points to a private or local address \(localhost resolves to 127\.0\.0\.1\)/);
    expect(addressed).toMatchObject({ state: "dead" });
    expect(addressed!.lastError).toMatch(/^points to a private or local address \(127\.0\.0\.1\)/);

    // A CIDR range lets both through (the name's address is in it).
    env.allow = "127.0.0.0/8";
    await redeliverWebhook(admin, { deliveryId: named!.id });
    await redeliverWebhook(admin, { deliveryId: addressed!.id });
    await drain();
    expect(receiver.arrivals.map((a) => a.status)).toEqual([200, 200]);
  });
});
