import { Validator } from "@seriousme/openapi-schema-validator";
import { expect, test } from "@playwright/test";
import { newClaim, person } from "./desk-api";
import { SINKS_CONTROL_PORT, WEBHOOK_SINK_PORT } from "./ports";
import type { ReceivedMail } from "../support/smtp-sink";
import type { Arrival } from "../support/webhook-receiver";

/**
 * The newsroom's rhythm from end to end, with a real mail server and a real webhook receiver beside the app
 * (tests/e2e/sinks.ts): an admin registers the CMS's webhook; an editor assigns a claim with a deadline; the
 * contributor is told by mail, drafts and submits a verdict; the named reviewer is told it waits for them and
 * publishes it; the CMS hears of the submission and the publication through signed deliveries, in order; and an API
 * client finds the whole API described at /api/v1/openapi.json.
 */
test.describe.configure({ mode: "serial" });

const SINKS = `http://127.0.0.1:${SINKS_CONTROL_PORT}`;
const SECRET = `cms-secret-${Date.now().toString(36)}-0123456789`;
const RATIONALE =
  "The city's transport department publishes its fares each January. The single fare rose from 12 to 14 hryvnias " +
  "this year, about 17 per cent, and the monthly pass from 400 to 450 hryvnias: neither doubled.";

const mails = async (to: string) =>
  ((await (await fetch(`${SINKS}/mails`)).json()) as ReceivedMail[]).filter((m) => m.to.includes(to));
const hooks = async (claimId: number) =>
  ((await (await fetch(`${SINKS}/hooks`)).json()) as Arrival[]).filter((a) => a.body?.claim.id === claimId);

test("an assignment, a review and a publication reach the people by mail and the CMS by a signed webhook", async ({
  browser,
  baseURL,
}) => {
  // The admin registers the CMS's endpoint on the admin page; the receiver checks signatures with its secret.
  await fetch(`${SINKS}/hooks/secret`, { method: "POST", body: SECRET });
  const admin = await person(browser, "admin@claimdesk.test", baseURL!);
  await admin.page.goto("/admin/webhooks");
  const form = admin.page.getByRole("region", { name: "New endpoint" });
  await form.getByLabel("URL").fill(`http://127.0.0.1:${WEBHOOK_SINK_PORT}/hook`);
  await form.getByLabel("A verdict is submitted for review").check();
  await form.getByLabel("A verdict is published").check();
  await form.getByLabel("Signing secret (optional)").fill(SECRET);
  await form.getByRole("button", { name: "Add endpoint" }).click();
  await expect(form.getByRole("status")).toContainText(`Endpoint http://127.0.0.1:${WEBHOOK_SINK_PORT}/hook added.`);

  // An editor assigns a new claim to the contributor, with a reviewer and a deadline.
  const statement = `Tram fares in Oskeli doubled this spring (${Date.now().toString(36)}).`;
  const editor = await person(browser, "editor@claimdesk.test", baseURL!);
  const claimId = await newClaim(editor.api, statement);
  await editor.page.goto(`/editor/claims/${claimId}`);
  const panel = editor.page.getByRole("region", { name: "Assignment" });
  await panel.getByLabel("Assignee").selectOption({ label: "Chloe Contributor (contributor)" });
  await panel.getByLabel("Reviewer").selectOption({ label: "Rafael Reviewer (editor)" });
  await panel.getByLabel("Due date").fill(new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10));
  await panel.getByRole("button", { name: "Save assignment" }).click();
  await expect(panel.getByRole("status")).toHaveText("Assignment saved.");

  // The contributor is told by mail, with a link to the claim.
  const link = `${baseURL}/editor/claims/${claimId}`;
  await expect
    .poll(async () => (await mails("contributor@claimdesk.test")).filter((m) => m.text.includes(link)).length)
    .toBe(1);
  const [assigned] = (await mails("contributor@claimdesk.test")).filter((m) => m.text.includes(link));
  expect(assigned!.subject).toMatch(/^Assigned to you: Tram fares in Oskeli/);
  expect(assigned!.text).toContain(`Esther Editor assigned you the claim “${statement}”`);
  expect(assigned!.from).toBe("desk@claimdesk.test");

  // The contributor drafts a verdict with its evidence and submits it for review.
  const contributor = await person(browser, "contributor@claimdesk.test", baseURL!);
  await contributor.api("POST", `/api/v1/claims/${claimId}/evidence`, {
    url: "https://example.org/oskeli/fares-2026",
    title: "Oskeli transport department: fares from 1 January",
    sourceType: "official_statement",
    stance: "refutes",
  });
  // Mostly false, a rating no other spec counts (they share the database).
  const draft = await contributor.api("POST", `/api/v1/claims/${claimId}/verdicts`, {
    rating: "mostly-false",
    summary: "Fares rose by about a sixth; they did not double.",
    rationale: RATIONALE,
  });
  await contributor.api("POST", `/api/v1/verdicts/${draft.id}/submit`, { version: draft.version });

  // The named reviewer was told they review it, and now that it waits for them; no other editor is told.
  const aboutIt = async (to: string) => (await mails(to)).filter((m) => m.text.includes(link));
  await expect
    .poll(async () => (await aboutIt("reviewer@claimdesk.test")).map((m) => m.subject.split(":")[0]))
    .toEqual(["Assigned to you", "A verdict waits for your review"]);
  expect((await aboutIt("reviewer@claimdesk.test"))[0]!.text).toContain(
    `Esther Editor made you the reviewer of the claim “${statement}”`,
  );
  expect(await aboutIt("editor@claimdesk.test")).toEqual([]);

  // The reviewer publishes it from the claim's page.
  const reviewer = await person(browser, "reviewer@claimdesk.test", baseURL!);
  await reviewer.page.goto(`/editor/claims/${claimId}`);
  await expect(reviewer.page.getByTestId("publish-gate")).toContainText("Ready to publish");
  await reviewer.page.getByRole("button", { name: "Publish" }).click();
  await expect(reviewer.page.getByTestId("published-verdict")).toContainText("reviewed by Rafael Reviewer");

  // The author is told; the CMS heard of the submission, then of the publication, each signed with its secret.
  await expect
    .poll(async () => (await mails("contributor@claimdesk.test")).filter((m) => m.text.includes(link)).length)
    .toBe(2);
  await expect
    .poll(async () => (await hooks(claimId)).map((h) => h.event))
    .toEqual(["verdict.submitted", "verdict.published"]);
  const delivered = await hooks(claimId);
  for (const h of delivered) {
    expect(h.signed).toBe(true);
    expect(h.status).toBe(200);
    expect(h.contentType).toBe("application/json");
    expect(h.delivery).toMatch(/^\d+$/);
  }
  const publication = JSON.parse(delivered[1]!.raw);
  expect(publication).toMatchObject({
    event: "verdict.published",
    claim: { id: claimId, statement, deskUrl: link, assigneeId: expect.any(Number) },
    verdict: { state: "published", ratingKey: "mostly-false", ratingLabel: "Mostly false" },
  });
  expect(publication.claim.publicUrl).toMatch(/\/claims\/tram-fares-in-oskeli/);

  // An API client generates itself from the description: a valid OpenAPI 3.1 document of every route and event.
  const res = await fetch(`${baseURL}/api/v1/openapi.json`);
  expect(res.status).toBe(200);
  const document = await res.json();
  const result = await new Validator().validate(document);
  expect(result.errors ?? []).toEqual([]);
  expect(result.valid).toBe(true);
  expect(document.openapi).toBe("3.1.0");
  expect(Object.keys(document.webhooks)).toEqual(expect.arrayContaining(["verdict.published", "verdict.submitted"]));
  expect(JSON.stringify(document.paths["/api/v1/claims/{id}"].patch)).toContain("assigneeId");
});

test("people read the API's description at /api/docs, rendered from the document under its own CSP", async ({
  page,
  baseURL,
}) => {
  // No error in the console (a CSP violation would be one), no request to another origin.
  const problems: string[] = [];
  page.on("console", (m) => void (m.type() === "error" && problems.push(m.text())));
  const origin = new URL(baseURL!).origin;
  page.on("request", (r) => void (new URL(r.url()).origin !== origin && problems.push(r.url())));
  await page.goto("/api/docs");
  await expect(page.getByRole("heading", { name: /Claimdesk API/ })).toBeVisible();
  const assign = page.locator(".opblock-patch").filter({ hasText: "/api/v1/claims/{id}" }).first();
  await expect(assign).toBeVisible();
  await assign.locator(".opblock-summary").click();
  await expect(assign).toContainText("assigneeId");
  await expect(page.getByText("verdict.published").first()).toBeVisible();
  expect(problems).toEqual([]);
});
