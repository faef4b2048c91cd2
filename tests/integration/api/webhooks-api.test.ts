import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as redeliverRoute from "@/app/api/v1/webhook-deliveries/[id]/redeliver/route";
import * as deliveriesRoute from "@/app/api/v1/webhooks/[id]/deliveries/route";
import * as webhookRoute from "@/app/api/v1/webhooks/[id]/route";
import * as webhooksRoute from "@/app/api/v1/webhooks/route";
import { auditEvents } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { queryRows } from "@/db/sql";
import { drainOutbox } from "@/lib/outbox/outbox";
import { writeTransaction } from "@/lib/services/transaction";
import { createApiToken } from "@/lib/services/tokens/create-token";
import { deliverWebhook } from "@/lib/webhooks/deliver";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import { createTestDb, tableSnapshot, type TestDb } from "../../support/db";
import { addUser } from "../../support/fixtures";
import { callRoute } from "../../support/http";

let t: TestDb;
const tokens: Record<"admin" | "editor", string> = { admin: "", editor: "" };
let claimId = 0;
// Nothing listens on 127.0.0.1:9 (discard); the allow list lets endpoints be registered there.
const LOCAL = "http://127.0.0.1:9/hook";
const PUBLIC = "https://93.184.216.34/claimdesk";

beforeAll(async () => {
  process.env.WEBHOOK_ALLOW_HOSTS = "127.0.0.1";
  t = await createTestDb();
  await seedDemo(t.db);
  const admin = await addUser(t.database, "admin@example.org", "admin");
  const editor = await addUser(t.database, "editor@example.org", "editor");
  tokens.admin = (await createApiToken(admin, { scope: "write" })).token;
  tokens.editor = (await createApiToken(editor, { scope: "write" })).token;
  [{ id: claimId }] = (await queryRows<{ id: number }>(t.db, sql`select id from claims order by id limit 1`)) as [
    { id: number },
  ];
});
afterAll(async () => {
  await t.close();
});

let before: Awaited<ReturnType<typeof tableSnapshot>>;
beforeEach(async () => {
  before = await tableSnapshot(t.db);
});

const create = (body: unknown, token = tokens.admin) =>
  callRoute(webhooksRoute.POST, "POST", "/api/v1/webhooks", { token, body });
const patch = (id: number | string, body: unknown, headers?: Record<string, string>) =>
  callRoute(webhookRoute.PATCH, "PATCH", `/api/v1/webhooks/${id}`, {
    token: tokens.admin,
    params: { id: String(id) },
    body,
    headers,
  });
const get = (id: number | string, headers?: Record<string, string>) =>
  callRoute(webhookRoute.GET, "GET", `/api/v1/webhooks/${id}`, {
    token: tokens.admin,
    params: { id: String(id) },
    headers,
  });
const deliveries = (id: number, query = "") =>
  callRoute(deliveriesRoute.GET, "GET", `/api/v1/webhooks/${id}/deliveries${query}`, {
    token: tokens.admin,
    params: { id: String(id) },
  });

describe("POST and GET /api/v1/webhooks", () => {
  it("should refuse anonymous callers (401) and other roles than admin (403), changing nothing", async () => {
    const body = { url: PUBLIC, events: ["claim.created"] };
    expect((await callRoute(webhooksRoute.POST, "POST", "/api/v1/webhooks", { body })).status).toBe(401);
    const editor = await create(body, tokens.editor);
    expect(editor.status).toBe(403);
    expect(editor.json.error.message).toBe("Your role (editor) may not manage webhooks.");
    expect((await callRoute(webhooksRoute.GET, "GET", "/api/v1/webhooks", { token: tokens.editor })).status).toBe(403);
    expect((await callRoute(webhooksRoute.GET, "GET", "/api/v1/webhooks")).status).toBe(401);
    expect(await tableSnapshot(t.db)).toEqual(before);
  });

  it("should register an endpoint and show a generated secret once, never again", async () => {
    const res = await create({ url: PUBLIC, events: ["verdict.published", "claim.created", "claim.created"] });
    expect(res.status).toBe(201);
    const { webhook, secret } = res.json;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(webhook).toMatchObject({
      url: PUBLIC,
      events: ["claim.created", "verdict.published"],
      active: true,
      description: null,
      secretLast4: secret.slice(-4),
      version: 1,
    });
    const list = await callRoute(webhooksRoute.GET, "GET", "/api/v1/webhooks", { token: tokens.admin });
    const one = await get(webhook.id);
    for (const answer of [list, one]) expect(JSON.stringify(answer.json)).not.toContain(secret);
    expect(list.json.webhooks).toContainEqual({
      ...webhook,
      deliveries: { pending: 0, retrying: 0, delivered: 0, dead: 0 },
    });
    expect(one.json.webhook).toEqual(webhook);
    const audit = await t.db.select().from(auditEvents);
    expect(audit.find((a) => a.action === "webhook.create")).toBeTruthy();
    expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it("should keep a secret the admin chose, and not return it", async () => {
    const res = await create({
      url: PUBLIC,
      events: ["claim.created"],
      secret: "my-own-secret-1234",
      description: "CMS",
    });
    expect(res.status).toBe(201);
    expect(res.json.secret).toBeNull();
    expect(res.json.webhook).toMatchObject({ secretLast4: "1234", description: "CMS" });
  });

  const valid = { url: PUBLIC, events: ["claim.created"] };
  const badBodies: [string, { rawBody?: string; body?: unknown }, number, string, string][] = [
    ["malformed JSON", { rawBody: '{"url": ' }, 400, "(none)", "not valid JSON"],
    ["no events", { body: { ...valid, events: [] } }, 422, "events", "one or more of claim.created"],
    ["an unknown event", { body: { ...valid, events: ["claim.deleted"] } }, 422, "events.0", "one or more of"],
    ["events that are not a list", { body: { ...valid, events: "claim.created" } }, 422, "events", "list"],
    ["a short secret", { body: { ...valid, secret: "short" } }, 422, "secret", "16 to 256 visible ASCII"],
    ["a secret with spaces", { body: { ...valid, secret: "a secret with spaces" } }, 422, "secret", "without spaces"],
    ["a long secret", { body: { ...valid, secret: "s".repeat(257) } }, 422, "secret", "16 to 256"],
    ["not a URL", { body: { ...valid, url: "hooks" } }, 422, "url", "http:// or https://"],
    ["an ftp URL", { body: { ...valid, url: "ftp://93.184.216.34/x" } }, 422, "url", "http:// or https://"],
    ["a private address", { body: { ...valid, url: "http://10.1.2.3/hook" } }, 422, "url", "private or local"],
    ["credentials in the URL", { body: { ...valid, url: "https://a:b@93.184.216.34/" } }, 422, "url", "user name"],
    ["an unknown field", { body: { ...valid, active: false } }, 422, "active", "not a known field"],
    ["a long description", { body: { ...valid, description: "d".repeat(501) } }, 422, "description", "500"],
    ["a JSON array", { body: [valid] }, 422, "(input)", ""],
  ];
  it.each(badBodies)(
    "should answer %s naming the problem, changing nothing",
    async (_label, call, status, path, mention) => {
      const res = await callRoute(webhooksRoute.POST, "POST", "/api/v1/webhooks", { token: tokens.admin, ...call });
      expect(res.status).toBe(status);
      expect(Object.keys(res.json)).toEqual(["error"]);
      if (status === 422) expect(res.json.error.issues.map((i: { path: string }) => i.path)).toContain(path);
      expect(JSON.stringify(res.json.error)).toContain(mention);
      expect(await tableSnapshot(t.db)).toEqual(before);
    },
  );
});

describe("GET, PATCH and DELETE /api/v1/webhooks/{id}", () => {
  it("should change events, description, secret and state, and refuse a stale version with 409", async () => {
    const { webhook } = (await create({ url: PUBLIC, events: ["claim.created"] })).json;
    const changed = await patch(webhook.id, {
      version: 1,
      events: ["verdict.retracted"],
      description: "Newsroom chat",
      secret: "a-new-secret-abcd",
    });
    expect(changed.status).toBe(200);
    expect(changed.json.webhook).toMatchObject({
      events: ["verdict.retracted"],
      description: "Newsroom chat",
      secretLast4: "abcd",
      version: 2,
    });
    const paused = await patch(webhook.id, { version: 2, active: false });
    expect(paused.json.webhook).toMatchObject({ active: false, version: 3 });
    expect(paused.json.webhook.disabledAt).toEqual(expect.any(String));
    const stale = await patch(webhook.id, { version: 2, active: true });
    expect(stale.status).toBe(409);
    expect(stale.json.error.message).toMatch(/^This webhook endpoint was changed by .* \(now version 3, yours was 2\)/);
    const resumed = await patch(webhook.id, { version: 3, active: true, description: null });
    expect(resumed.json.webhook).toMatchObject({ active: true, disabledAt: null, description: null, version: 4 });
    const actions = (await t.db.select().from(auditEvents))
      .filter((a) => a.entityType === "webhook" && a.entityId === webhook.id)
      .map((a) => a.action);
    expect(actions).toEqual(["webhook.create", "webhook.update", "webhook.pause", "webhook.resume"]);
  });

  const badPatches: [string, unknown, number, string][] = [
    ["no version", { active: false }, 422, "version"],
    ["nothing to change", { version: 1 }, 422, "send at least one of url, events, secret, description, active"],
    ["a private URL", { version: 1, url: "http://192.168.1.10/" }, 422, "private or local address (192.168.1.10)"],
    ["a non-boolean state", { version: 1, active: "no" }, 422, "active"],
    ["empty events", { version: 1, events: [] }, 422, "events"],
    ["an id in the body", { version: 1, id: 3, active: false }, 422, "id"],
  ];
  it.each(badPatches)(
    "should answer %s naming the problem, changing nothing",
    async (_label, body, status, mention) => {
      const { webhook } = (await create({ url: PUBLIC, events: ["claim.created"] })).json;
      before = await tableSnapshot(t.db);
      const res = await patch(webhook.id, body);
      expect(res.status).toBe(status);
      expect(JSON.stringify(res.json.error)).toContain(mention);
      expect(await tableSnapshot(t.db)).toEqual(before);
    },
  );

  it("should answer 404 for an unknown id and 422 for one that is not a number, in the language asked for", async () => {
    expect((await get(987654)).json.error).toEqual({
      code: "not_found",
      message: "No webhook endpoint with id 987654.",
    });
    expect((await get(987654, { "accept-language": "uk" })).json.error.message).toBe("Немає вебхука з id 987654.");
    expect((await patch(987654, { version: 1, active: false })).status).toBe(404);
    const junk = await get("abc");
    expect(junk.status).toBe(422);
    expect(junk.json.error.issues[0].path).toBe("webhookId");
  });

  it("should delete an endpoint with its deliveries (204), then know it no more", async () => {
    const { webhook } = (await create({ url: LOCAL, events: ["claim.created"] })).json;
    await writeTransaction((tx) => emitWebhookEvent(tx, "claim.created", { who: null, claimId }));
    const del = () =>
      callRoute(webhookRoute.DELETE, "DELETE", `/api/v1/webhooks/${webhook.id}`, {
        token: tokens.admin,
        params: { id: String(webhook.id) },
      });
    const res = await del();
    expect(res.status).toBe(204);
    expect((await get(webhook.id)).status).toBe(404);
    expect((await del()).status).toBe(404);
    const left = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*) as n from outbox where webhook_id = ${webhook.id}`,
    );
    expect(Number(left[0]!.n)).toBe(0);
  });
});

describe("deliveries", () => {
  it("should list an endpoint's deliveries newest first, a page at a time, and send one again", async () => {
    // Only this test's endpoint hears of the events (the others' would be sent out to the world).
    const others = (await callRoute(webhooksRoute.GET, "GET", "/api/v1/webhooks", { token: tokens.admin })).json;
    for (const { id } of others.webhooks as { id: number }[]) {
      await callRoute(webhookRoute.DELETE, "DELETE", `/api/v1/webhooks/${id}`, {
        token: tokens.admin,
        params: { id: String(id) },
      });
    }
    const { webhook } = (await create({ url: LOCAL, events: ["claim.created", "claim.assigned"] })).json;
    await writeTransaction((tx) => emitWebhookEvent(tx, "claim.created", { who: null, claimId }));
    await writeTransaction((tx) => emitWebhookEvent(tx, "claim.assigned", { who: null, claimId }));
    const page = await deliveries(webhook.id);
    expect(page.status).toBe(200);
    expect(page.json).toMatchObject({ total: 2, limit: 20, offset: 0 });
    expect(page.json.deliveries.map((d: { event: string }) => d.event)).toEqual(["claim.assigned", "claim.created"]);
    expect(page.json.deliveries[0]).toMatchObject({ state: "pending", claimId, attempts: [], webhookId: webhook.id });
    const second = await deliveries(webhook.id, "?limit=1&offset=1");
    expect(second.json.deliveries.map((d: { event: string }) => d.event)).toEqual(["claim.created"]);
    for (const query of ["?limit=0", "?limit=101", "?offset=-1", "?limit=ten"]) {
      expect((await deliveries(webhook.id, query)).status, query).toBe(422);
    }
    expect((await deliveries(987654)).status).toBe(404);

    // Paused, its deliveries fail for good when their turn comes; resumed, one can be sent again.
    const redeliver = (id: number) =>
      callRoute(redeliverRoute.POST, "POST", `/api/v1/webhook-deliveries/${id}/redeliver`, {
        token: tokens.admin,
        params: { id: String(id) },
      });
    const oldest = page.json.deliveries[1];
    expect((await redeliver(oldest.id)).status).toBe(409); // still waiting
    await patch(webhook.id, { version: 1, active: false });
    await drainOutbox({ webhook: deliverWebhook });
    const dead = (await deliveries(webhook.id)).json.deliveries[1];
    expect(dead).toMatchObject({
      state: "dead",
      lastError: "The endpoint is paused: resume it, then send this delivery again.",
    });
    expect(dead.attempts).toEqual([
      { at: expect.any(String), durationMs: expect.any(Number), status: null, response: null, error: dead.lastError },
    ]);
    const refused = await redeliver(dead.id);
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toBe("The endpoint is paused: resume it before sending its deliveries again.");
    await patch(webhook.id, { version: 2, active: true });
    const again = await redeliver(dead.id);
    expect(again.status).toBe(201);
    expect(again.json.delivery).toMatchObject({
      redeliveryOf: dead.id,
      eventId: dead.eventId,
      event: "claim.created",
      state: "pending",
    });
    expect((await redeliver(987654)).status).toBe(404);
    expect(
      (await callRoute(redeliverRoute.POST, "POST", "/api/v1/webhook-deliveries/1/redeliver", { params: { id: "1" } }))
        .status,
    ).toBe(401);
    const list = (await callRoute(webhooksRoute.GET, "GET", "/api/v1/webhooks", { token: tokens.admin })).json;
    expect(list.webhooks.find((w: { id: number }) => w.id === webhook.id).deliveries).toEqual({
      pending: 1,
      retrying: 0,
      delivered: 0,
      dead: 2,
    });
  });
});
