/**
 * Who may call which write: every mutating API route (POST/PUT/PATCH/DELETE exported from
 * app/api/**\/route.ts) × {anonymous, contributor, editor, admin, disabled user, revoked
 * token} → the HTTP status. Each call gets a fresh target made by the real services (a new
 * draft to publish, a new claim to delete, …), so the status reflects who is calling and not
 * what an earlier caller left behind; a refused call must change nothing in the database.
 * The last test enumerates the route files, so a new write route cannot ship without its row.
 */
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as claimantDiscardRoute from "@/app/api/v1/claimants/[id]/discard-changes/route";
import * as claimantPublishRoute from "@/app/api/v1/claimants/[id]/publish/route";
import * as claimantRoute from "@/app/api/v1/claimants/[id]/route";
import * as claimantsRoute from "@/app/api/v1/claimants/route";
import * as commentsRoute from "@/app/api/v1/claims/[id]/comments/route";
import * as confirmAnchorRoute from "@/app/api/v1/claims/[id]/confirm-anchor/route";
import * as evidenceLinkRoute from "@/app/api/v1/claims/[id]/evidence/[evidenceId]/route";
import * as claimEvidenceRoute from "@/app/api/v1/claims/[id]/evidence/route";
import * as matchRejectionsRoute from "@/app/api/v1/claims/[id]/match-rejections/route";
import * as reattachRoute from "@/app/api/v1/claims/[id]/reattach/route";
import * as repeatOfRoute from "@/app/api/v1/claims/[id]/repeat-of/route";
import * as meRoute from "@/app/api/v1/me/route";
import * as preferencesRoute from "@/app/api/v1/me/notification-preferences/route";
import * as notificationsReadRoute from "@/app/api/v1/notifications/read/route";
import * as claimRoute from "@/app/api/v1/claims/[id]/route";
import * as claimVerdictsRoute from "@/app/api/v1/claims/[id]/verdicts/route";
import * as claimsRoute from "@/app/api/v1/claims/route";
import * as disputeDiscardRoute from "@/app/api/v1/disputes/[id]/discard-changes/route";
import * as disputePublishRoute from "@/app/api/v1/disputes/[id]/publish/route";
import * as disputeRoute from "@/app/api/v1/disputes/[id]/route";
import * as disputesRoute from "@/app/api/v1/disputes/route";
import * as unknownRoute from "@/app/api/v1/[...path]/route";
import * as annotationsRoute from "@/app/api/v1/documents/[id]/annotations/route";
import * as documentDiscardRoute from "@/app/api/v1/documents/[id]/discard-changes/route";
import * as documentPublishRoute from "@/app/api/v1/documents/[id]/publish/route";
import * as documentRoute from "@/app/api/v1/documents/[id]/route";
import * as documentTextRoute from "@/app/api/v1/documents/[id]/text/route";
import * as documentsRoute from "@/app/api/v1/documents/route";
import * as evidenceRoute from "@/app/api/v1/evidence/[id]/route";
import * as factCheckImportRoute from "@/app/api/v1/fact-checks/import/route";
import * as ratingRoute from "@/app/api/v1/rating-scale/[id]/route";
import * as ratingOrderRoute from "@/app/api/v1/rating-scale/order/route";
import * as ratingScaleRoute from "@/app/api/v1/rating-scale/route";
import * as tokenRoute from "@/app/api/v1/tokens/[id]/route";
import * as tokensRoute from "@/app/api/v1/tokens/route";
import * as userRoute from "@/app/api/v1/users/[id]/route";
import * as usersRoute from "@/app/api/v1/users/route";
import * as verdictStepRoute from "@/app/api/v1/verdicts/[id]/[step]/route";
import * as verdictRoute from "@/app/api/v1/verdicts/[id]/route";
import * as redeliverRoute from "@/app/api/v1/webhook-deliveries/[id]/redeliver/route";
import * as webhookRoute from "@/app/api/v1/webhooks/[id]/route";
import * as webhooksRoute from "@/app/api/v1/webhooks/route";
import { claims, outbox, ratings, users, verdicts } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { CodePointIndex } from "@/lib/anchoring";
import { systemActor, type Actor } from "@/lib/auth/actor";
import { createClaimant } from "@/lib/services/claimants/create-claimant";
import { createClaim } from "@/lib/services/claims/create-claim";
import { updateClaim } from "@/lib/services/claims/update-claim";
import { linkRepeat } from "@/lib/services/claims/repeats";
import { createDispute } from "@/lib/services/disputes/create-dispute";
import { importDocument } from "@/lib/services/documents/import-document";
import { updateDocumentText } from "@/lib/services/documents/update-document-text";
import { addEvidence } from "@/lib/services/evidence/add-evidence";
import { createRating } from "@/lib/services/ratings/manage-ratings";
import { createApiToken } from "@/lib/services/tokens/create-token";
import { revokeApiToken } from "@/lib/services/tokens/revoke-token";
import { createVerdict } from "@/lib/services/verdicts/create-verdict";
import { transitionVerdict } from "@/lib/services/verdicts/transition-verdict";
import { updateVerdict } from "@/lib/services/verdicts/update-verdict";
import { writeTransaction } from "@/lib/services/transaction";
import { createWebhook } from "@/lib/services/webhooks/create-webhook";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import { createTestDb, tableSnapshot, type TestDb } from "../support/db";
import { addUser } from "../support/fixtures";
import { callRoute } from "../support/http";
import { changeRecord, KINDS, publicRecords, recordVersion, SEGMENT, type RecordKind } from "./support/public-records";

type Who = "anonymous" | "contributor" | "editor" | "admin" | "disabled" | "revoked";
const WHO: Who[] = ["anonymous", "contributor", "editor", "admin", "disabled", "revoked"];
type Res = Awaited<ReturnType<typeof callRoute>>;

/**
 * The caller: its bearer token (none for anonymous) and `self`, the account that owns the
 * caller's "own" fixtures (own draft, own token). Callers who cannot act (anonymous, disabled,
 * revoked) get the writer's records as their "own": they are refused before ownership matters.
 */
type Caller = { who: Who; token?: string; self: Actor & { userId: number } };

/** One row: `setup` makes a fresh target (before the database snapshot), `call` sends the request. */
type Row<F = unknown> = {
  name: string;
  expected: Record<Who, number>;
  setup?: (c: Caller) => F;
  call: (c: Caller, f: Awaited<F>) => Promise<Res>;
};
/** A row whose `call` is typed by what its `setup` makes, as an entry of the table. */
const row = <F = undefined>(r: Row<F>): Row => r as unknown as Row;

// The expected status per caller. A disabled account or a revoked token is never anonymous: 401.
const SIGNED_IN = (status: number): Record<Who, number> => ({
  anonymous: 401,
  contributor: status,
  editor: status,
  admin: status,
  disabled: 401,
  revoked: 401,
});
const EDITORS = (status: number): Record<Who, number> => ({ ...SIGNED_IN(403), editor: status, admin: status });
const ADMIN_ONLY = (status: number): Record<Who, number> => ({ ...SIGNED_IN(403), admin: status });

let t: TestDb;
const callers = {} as Record<Who, Caller>;
/** A contributor who writes the verdicts and claims that are "someone else's" to every caller. */
let writer: Actor & { userId: number };
/** An editor, distinct from every caller, who publishes fixture verdicts. */
let reviewer: Actor & { userId: number };
const operator = systemActor("authorization-test");
let sharedDocId: number;
let seq = 0;

const TEXT =
  "On Tuesday the foreign minister told reporters that those killed in the strike were not civilians. " +
  "The city council met on Wednesday to discuss the water supply, and nobody from the ministry attended. " +
  "Aid agencies said on Thursday that the convoy had reached the eastern districts.";
const QUOTE = "those killed in the strike were not civilians";
const RATIONALE =
  "The ministry gave no evidence for the claim, and the lists published by the city and by two aid agencies name teachers, pensioners and children among those killed. ".repeat(
    2,
  );

/** Code point offsets of `quote` in `text`. */
function span(text: string, quote: string) {
  const index = new CodePointIndex(text);
  const unit = text.indexOf(quote);
  return { start: index.toCodePoint(unit), end: index.toCodePoint(unit + quote.length) };
}

// ---- Fixtures, made with the real services -------------------------------------------------

const newDocument = async (by: Actor = writer) =>
  (await importDocument(by, { title: `Article ${++seq}`, text: TEXT })).id;
const newClaim = async (by: Actor = writer, documentId = sharedDocId) =>
  (
    await createClaim(by, {
      documentId,
      revision: 1,
      ...span(TEXT, QUOTE),
      claimant: { name: "Foreign Minister" },
      statement: `Those killed were not civilians (${++seq}).`,
    })
  ).id;
const newEvidence = async (claimId: number) =>
  (
    await addEvidence(writer, {
      claimId,
      url: `https://example.org/lists/${++seq}`,
      title: "City list of the dead",
      sourceType: "official_statement",
      stance: "refutes",
    })
  ).evidenceId;
const version = async (verdictId: number) => {
  const [row] = await t.db.select({ v: verdicts.version }).from(verdicts).where(eq(verdicts.id, verdictId)).limit(1);
  return row!.v;
};
/** A workflow step as the UI takes it: with the version it shows now. */
const step = async (by: Actor, verdictId: number, name: string, extra: object = {}) =>
  transitionVerdict(by, { verdictId, step: name, version: await version(verdictId), ...extra });

/**
 * A draft verdict that passes the publish gate (claimant, anchored quote, rating, summary, rationale, evidence with a
 * URL).
 */
async function readyDraft(author: Actor = writer, claimId?: number): Promise<{ claimId: number; verdictId: number }> {
  claimId ??= await newClaim();
  await newEvidence(claimId);
  const verdict = await createVerdict(author, {
    claimId,
    rating: "false",
    summary: "The city's list names civilians.",
    rationale: RATIONALE,
  });
  return { claimId, verdictId: verdict.id };
}
async function inReview(author: Actor = writer, claimId?: number) {
  const f = await readyDraft(author, claimId);
  await step(author, f.verdictId, "submit");
  return f;
}
/** Written by the writer, published by the reviewer: nobody among the callers wrote or edited it. */
async function published(claimId?: number) {
  const f = await inReview(writer, claimId);
  await step(reviewer, f.verdictId, "publish");
  return f;
}
/**
 * Published as `published()`, then a correction started by the reviewer: what the verdict is about may change again
 * (lib/services/verdicts/subject-guard.ts), by anyone on the desk, until the correction is published.
 */
async function correcting(claimId?: number) {
  const f = await published(claimId);
  await step(reviewer, f.verdictId, "correct");
  return f;
}
type Stage = "none" | "published" | "correcting";
/** A claim and its verdict at `stage`. */
const claimAt = async (stage: Stage, claimId?: number) => {
  claimId ??= await newClaim();
  if (stage === "published") await published(claimId);
  if (stage === "correcting") await correcting(claimId);
  return claimId;
};
/** A claim at `stage` with an evidence item of its own (linked before its verdict was written). */
async function claimWithEvidence(stage: Stage) {
  const claimId = await newClaim();
  const evidenceId = await newEvidence(claimId);
  await claimAt(stage, claimId);
  return { claimId, evidenceId };
}
/** A claim on a document of its own whose text was then edited so that its quote is only re-found approximately. */
async function fuzzyClaim({ stage }: { stage: Stage }) {
  const documentId = await newDocument();
  const claimId = await newClaim(writer, documentId);
  if (stage !== "none") await published(claimId);
  await updateDocumentText(writer, {
    documentId,
    baseRevision: 1,
    text: TEXT.replace("not civilians", "not civillians"),
  });
  const [claim] = await t.db.select().from(claims).where(eq(claims.id, claimId)).limit(1);
  expect(claim!.anchorStatus).toBe("fuzzy"); // the fixture itself, not the call under test
  if (stage === "correcting") {
    const [v] = await t.db.select({ id: verdicts.id }).from(verdicts).where(eq(verdicts.claimId, claimId)).limit(1);
    await step(reviewer, v!.id, "correct");
  }
  return { claimId, revision: 2 };
}
/**
 * A public claimant, document or dispute (a verdict showing it was published) whose working copy `by` then changed:
 * changes waiting for an editor who made none of them to publish.
 */
async function changedRecord(kind: RecordKind, by: Actor = writer) {
  const records = await publicRecords(writer, async (verdictId) => {
    await step(writer, verdictId, "submit");
    await step(reviewer, verdictId, "publish");
  });
  await changeRecord(by, kind, records[kind]);
  return records[kind];
}
const WEBHOOK_URL = "https://93.184.216.34/claimdesk-hook";
/** An active webhook endpoint, registered by the operator. */
const newWebhook = async () =>
  (await createWebhook(operator, { url: WEBHOOK_URL, events: ["claim.created"] })).webhook.id;
/** A delivery of a new endpoint's that was delivered (marked so: nothing is sent), which may be sent again. */
async function deliveredWebhookDelivery() {
  const webhookId = await newWebhook();
  const claimId = await newClaim();
  await writeTransaction((tx) => emitWebhookEvent(tx, "claim.created", { who: null, claimId }));
  const [row] = await t.database.transaction((tx) =>
    tx.update(outbox).set({ deliveredAt: new Date() }).where(eq(outbox.webhookId, webhookId)).returning(),
  );
  return row!.id;
}
const isActive = (c: Caller) => c.who === "contributor" || c.who === "editor" || c.who === "admin";

// ---- Request helpers ------------------------------------------------------------------------

type Handler = Parameters<typeof callRoute>[0];
const send = (
  c: Caller,
  handler: Handler,
  method: string,
  url: string,
  params: Record<string, number | string> = {},
  body?: unknown,
) =>
  callRoute(handler, method, url, {
    token: c.token,
    params: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])),
    body,
  });
/** `POST /api/v1/verdicts/{id}/{step}` with the version the caller saw. */
const takeStep = async (c: Caller, verdictId: number, name: string, extra: object = {}) =>
  send(
    c,
    verdictStepRoute.POST,
    "POST",
    `/api/v1/verdicts/${verdictId}/${name}`,
    { id: verdictId, step: name },
    { version: await version(verdictId), ...extra },
  );
const STEP = "POST /api/v1/verdicts/{id}/{step}";

// ---- The table ------------------------------------------------------------------------------

const ROUTES: Row[] = [
  // Accounts (users:manage, admin only).
  row({
    // Every caller here comes with a token, and a token cannot create an account (a new credential): a signed-in
    // admin or the command line can.
    name: "POST /api/v1/users",
    expected: SIGNED_IN(403),
    call: (c) =>
      send(
        c,
        usersRoute.POST,
        "POST",
        "/api/v1/users",
        {},
        { email: `new${++seq}@example.org`, name: "New Person", role: "contributor" },
      ),
  }),
  row({
    name: "PATCH /api/v1/users/{id}",
    expected: ADMIN_ONLY(200),
    setup: () => addUser(t.database, `target${++seq}@example.org`, "contributor"),
    call: (c, u) =>
      send(c, userRoute.PATCH, "PATCH", `/api/v1/users/${u.userId}`, { id: u.userId }, { name: "Renamed" }),
  }),
  row({
    // Anyone signed in chooses the language of their own desk (account:own).
    name: "PATCH /api/v1/me",
    expected: SIGNED_IN(200),
    call: (c) => send(c, meRoute.PATCH, "PATCH", "/api/v1/me", {}, { locale: "uk" }),
  }),
  row({
    // Each account chooses where it is told of what (account:own).
    name: "PUT /api/v1/me/notification-preferences",
    expected: SIGNED_IN(200),
    call: (c) => send(c, preferencesRoute.PUT, "PUT", "/api/v1/me/notification-preferences", {}, { assigned: "email" }),
  }),
  row({
    name: "POST /api/v1/notifications/read",
    expected: SIGNED_IN(200),
    call: (c) => send(c, notificationsReadRoute.POST, "POST", "/api/v1/notifications/read", {}, { all: true }),
  }),
  row({
    name: "PATCH /api/v1/me (not an interface language)",
    expected: SIGNED_IN(422),
    call: (c) => send(c, meRoute.PATCH, "PATCH", "/api/v1/me", {}, { locale: "klingon" }),
  }),
  row({
    // The caller promotes their own account: no one but an admin (already one) may.
    name: "PATCH /api/v1/users/{id} (own account, role: admin)",
    expected: ADMIN_ONLY(200),
    call: (c) =>
      send(c, userRoute.PATCH, "PATCH", `/api/v1/users/${c.self.userId}`, { id: c.self.userId }, { role: "admin" }),
  }),

  // The rating scale (ratings:manage, admin only).
  row({
    name: "POST /api/v1/rating-scale",
    expected: ADMIN_ONLY(201),
    call: (c) =>
      send(
        c,
        ratingScaleRoute.POST,
        "POST",
        "/api/v1/rating-scale",
        {},
        { label: `Rating ${++seq}`, colour: "#123456", ordinal: null },
      ),
  }),
  row({
    name: "PATCH /api/v1/rating-scale/{id}",
    expected: ADMIN_ONLY(200),
    setup: async () =>
      (await createRating(operator, { label: `Rating ${++seq}`, colour: "#123456", ordinal: null })).id,
    call: (c, id) =>
      send(c, ratingRoute.PATCH, "PATCH", `/api/v1/rating-scale/${id}`, { id }, { label: "Renamed rating" }),
  }),
  row({
    // A rating no verdict uses, so that only the caller decides.
    name: "DELETE /api/v1/rating-scale/{id}",
    expected: ADMIN_ONLY(204),
    setup: async () =>
      (await createRating(operator, { label: `Rating ${++seq}`, colour: "#123456", ordinal: null })).id,
    call: (c, id) => send(c, ratingRoute.DELETE, "DELETE", `/api/v1/rating-scale/${id}`, { id }),
  }),
  row({
    name: "PUT /api/v1/rating-scale/order",
    expected: ADMIN_ONLY(200),
    setup: async () =>
      (await t.db.select({ id: ratings.id }).from(ratings).orderBy(ratings.position)).map((r) => r.id).reverse(),
    call: (c, order) => send(c, ratingOrderRoute.PUT, "PUT", "/api/v1/rating-scale/order", {}, { order }),
  }),

  // Webhook endpoints (webhooks:manage, admin only). A public address, never sent to: nothing drains the outbox here.
  row({
    name: "POST /api/v1/webhooks",
    expected: ADMIN_ONLY(201),
    call: (c) =>
      send(c, webhooksRoute.POST, "POST", "/api/v1/webhooks", {}, { url: WEBHOOK_URL, events: ["verdict.retracted"] }),
  }),
  row({
    name: "PATCH /api/v1/webhooks/{id}",
    expected: ADMIN_ONLY(200),
    setup: newWebhook,
    call: (c, id) =>
      send(c, webhookRoute.PATCH, "PATCH", `/api/v1/webhooks/${id}`, { id }, { version: 1, description: "Renamed" }),
  }),
  row({
    name: "DELETE /api/v1/webhooks/{id}",
    expected: ADMIN_ONLY(204),
    setup: newWebhook,
    call: (c, id) => send(c, webhookRoute.DELETE, "DELETE", `/api/v1/webhooks/${id}`, { id }),
  }),
  row({
    name: "POST /api/v1/webhook-deliveries/{id}/redeliver",
    expected: ADMIN_ONLY(201),
    setup: deliveredWebhookDelivery,
    call: (c, id) => send(c, redeliverRoute.POST, "POST", `/api/v1/webhook-deliveries/${id}/redeliver`, { id }),
  }),

  // API tokens (tokens:own).
  row({
    // Only a signed-in session or the command line may create a token: every caller here came with one.
    name: "POST /api/v1/tokens",
    expected: SIGNED_IN(403),
    call: (c) => send(c, tokensRoute.POST, "POST", "/api/v1/tokens", {}, { name: "script" }),
  }),
  row({
    // Tokens are personal: not even an admin may make one for another account.
    name: "POST /api/v1/tokens (forEmail: another account)",
    expected: SIGNED_IN(403),
    call: (c) =>
      send(c, tokensRoute.POST, "POST", "/api/v1/tokens", {}, { name: "script", forEmail: "editor@claimdesk.test" }),
  }),
  row({
    name: "DELETE /api/v1/tokens/{id} (own token)",
    expected: SIGNED_IN(200),
    setup: async (c) => (await createApiToken(isActive(c) ? c.self : writer, { name: "own" })).record.id,
    call: (c, id) => send(c, tokenRoute.DELETE, "DELETE", `/api/v1/tokens/${id}`, { id }),
  }),
  row({
    // The writer's token: not the caller's own. Others answer 404 like a missing token (ids are
    // not a way to probe); an admin may revoke any token (lib/services/tokens/revoke-token.ts).
    name: "DELETE /api/v1/tokens/{id} (someone else's token)",
    expected: { ...SIGNED_IN(404), admin: 200 },
    setup: async () => (await createApiToken(writer, { name: "not yours" })).record.id,
    call: (c, id) => send(c, tokenRoute.DELETE, "DELETE", `/api/v1/tokens/${id}`, { id }),
  }),

  // Documents (content:write).
  row({
    name: "POST /api/v1/documents",
    expected: SIGNED_IN(201),
    call: (c) => send(c, documentsRoute.POST, "POST", "/api/v1/documents", {}, { title: `Doc ${++seq}`, text: TEXT }),
  }),
  row({
    name: "PATCH /api/v1/documents/{id}",
    expected: SIGNED_IN(200),
    setup: () => newDocument(),
    call: (c, id) =>
      send(c, documentRoute.PATCH, "PATCH", `/api/v1/documents/${id}`, { id }, { version: 1, title: "Retitled" }),
  }),
  row({
    name: "PUT /api/v1/documents/{id}/text",
    expected: SIGNED_IN(200),
    setup: () => newDocument(),
    call: (c, id) =>
      send(
        c,
        documentTextRoute.PUT,
        "PUT",
        `/api/v1/documents/${id}/text`,
        { id },
        { baseRevision: 1, text: `${TEXT} Updated on Friday.` },
      ),
  }),
  row({
    name: "POST /api/v1/documents/{id}/annotations",
    expected: SIGNED_IN(201),
    call: (c) =>
      send(
        c,
        annotationsRoute.POST,
        "POST",
        `/api/v1/documents/${sharedDocId}/annotations`,
        { id: sharedDocId },
        {
          annotations: {
            type: "Annotation",
            target: { selector: { type: "TextQuoteSelector", exact: "the convoy had reached the eastern districts" } },
          },
          claimant: { name: "Aid agencies" },
        },
      ),
  }),

  // Known fact-checks (fact-checks:import: editors and admins), each call a review of its own.
  row({
    name: "POST /api/v1/fact-checks/import",
    expected: EDITORS(200),
    call: (c) =>
      send(
        c,
        factCheckImportRoute.POST,
        "POST",
        "/api/v1/fact-checks/import",
        {},
        {
          "@context": "https://schema.org",
          "@type": "ClaimReview",
          url: `https://factcheck.example/reviews/${++seq}`,
          claimReviewed: "Those killed in the strike were not civilians.",
          author: { "@type": "Organization", name: "Example Fact Check" },
          reviewRating: { "@type": "Rating", alternateName: "False" },
        },
      ),
  }),

  // Claims (content:write). What a verdict is about follows one rule for every role (lib/services/verdicts/
  // subject-guard.ts): frozen while a version is in review, and once published it changes only within a correction.
  // A refusal there is 409 for everyone, admins included: not a role question.
  row({
    name: "POST /api/v1/claims",
    expected: SIGNED_IN(201),
    call: (c) =>
      send(
        c,
        claimsRoute.POST,
        "POST",
        "/api/v1/claims",
        {},
        { documentId: sharedDocId, revision: 1, ...span(TEXT, QUOTE), claimant: { name: "Foreign Minister" } },
      ),
  }),
  row({
    name: "PATCH /api/v1/claims/{id} (no published verdict)",
    expected: SIGNED_IN(200),
    setup: () => newClaim(),
    call: (c, id) =>
      send(
        c,
        claimRoute.PATCH,
        "PATCH",
        `/api/v1/claims/${id}`,
        { id },
        { version: 1, statement: "Reworded statement." },
      ),
  }),
  row({
    // Assigning someone else, setting a deadline and a priority (claims:assign): editors and admins.
    name: "PATCH /api/v1/claims/{id} (assign someone else)",
    expected: EDITORS(200),
    setup: () => newClaim(),
    call: (c, id) =>
      send(
        c,
        claimRoute.PATCH,
        "PATCH",
        `/api/v1/claims/${id}`,
        { id },
        { assigneeId: writer.userId, dueAt: "2030-01-31", priority: "high" },
      ),
  }),
  row({
    // Anyone on the desk may take an unassigned claim for themselves.
    name: "PATCH /api/v1/claims/{id} (take an unassigned claim)",
    expected: SIGNED_IN(200),
    setup: () => newClaim(),
    call: (c, id) => send(c, claimRoute.PATCH, "PATCH", `/api/v1/claims/${id}`, { id }, { assigneeId: c.self.userId }),
  }),
  row({
    // …but not one someone else holds.
    name: "PATCH /api/v1/claims/{id} (take a claim someone holds)",
    expected: EDITORS(200),
    setup: async () => {
      const id = await newClaim();
      await updateClaim(operator, { claimId: id, assigneeId: writer.userId });
      return id;
    },
    call: (c, id) => send(c, claimRoute.PATCH, "PATCH", `/api/v1/claims/${id}`, { id }, { assigneeId: c.self.userId }),
  }),
  row({
    // The assignment may change while the verdict is in review.
    name: "PATCH /api/v1/claims/{id} (verdict in review, deadline)",
    expected: EDITORS(200),
    setup: async () => (await inReview(writer)).claimId,
    call: (c, id) => send(c, claimRoute.PATCH, "PATCH", `/api/v1/claims/${id}`, { id }, { dueAt: "2030-02-01" }),
  }),
  row({
    name: "PATCH /api/v1/claims/{id} (verdict in review)",
    expected: SIGNED_IN(409),
    setup: async () => (await inReview(writer)).claimId,
    call: (c, id) =>
      send(c, claimRoute.PATCH, "PATCH", `/api/v1/claims/${id}`, { id }, { statement: "Reworded statement." }),
  }),
  row({
    name: "PATCH /api/v1/claims/{id} (published verdict)",
    expected: SIGNED_IN(409),
    setup: () => claimAt("published"),
    call: (c, id) =>
      send(c, claimRoute.PATCH, "PATCH", `/api/v1/claims/${id}`, { id }, { statement: "Reworded statement." }),
  }),
  row({
    name: "PATCH /api/v1/claims/{id} (published verdict, correction started)",
    expected: SIGNED_IN(200),
    setup: () => claimAt("correcting"),
    call: (c, id) =>
      send(c, claimRoute.PATCH, "PATCH", `/api/v1/claims/${id}`, { id }, { statement: "Reworded statement." }),
  }),
  row({
    name: "DELETE /api/v1/claims/{id} (no verdict)",
    expected: SIGNED_IN(204),
    setup: () => newClaim(),
    call: (c, id) => send(c, claimRoute.DELETE, "DELETE", `/api/v1/claims/${id}?version=1`, { id }),
  }),
  row({
    // Takes someone else's draft verdict with it: as for discarding that draft, its author or an editor.
    name: "DELETE /api/v1/claims/{id} (someone else's draft verdict)",
    expected: EDITORS(204),
    setup: async () => (await readyDraft(writer)).claimId,
    call: (c, id) => send(c, claimRoute.DELETE, "DELETE", `/api/v1/claims/${id}`, { id }),
  }),
  row({
    // On the record for good: refused to everyone, admins included (409, not a role question).
    name: "DELETE /api/v1/claims/{id} (published verdict)",
    expected: SIGNED_IN(409),
    setup: async () => (await published()).claimId,
    call: (c, id) => send(c, claimRoute.DELETE, "DELETE", `/api/v1/claims/${id}`, { id }),
  }),
  // Repeats and rejected suggestions (content:write): a repeat shares the verdict of the claim it repeats, and reaches
  // readers only with that verdict's next published version.
  row({
    name: "POST /api/v1/claims/{id}/repeat-of",
    expected: SIGNED_IN(200),
    setup: async () => ({ id: await newClaim(), of: await newClaim() }),
    call: (c, f) =>
      send(c, repeatOfRoute.POST, "POST", `/api/v1/claims/${f.id}/repeat-of`, { id: f.id }, { of: f.of, version: 1 }),
  }),
  row({
    name: "POST /api/v1/claims/{id}/repeat-of (a claim with a verdict)",
    expected: SIGNED_IN(409),
    setup: async () => ({ id: (await readyDraft(writer)).claimId, of: await newClaim() }),
    call: (c, f) => send(c, repeatOfRoute.POST, "POST", `/api/v1/claims/${f.id}/repeat-of`, { id: f.id }, { of: f.of }),
  }),
  row({
    name: "DELETE /api/v1/claims/{id}/repeat-of",
    expected: SIGNED_IN(200),
    setup: async () => {
      const of = await newClaim();
      const id = await newClaim();
      await linkRepeat(writer, { claimId: id, of });
      return id;
    },
    call: (c, id) => send(c, repeatOfRoute.DELETE, "DELETE", `/api/v1/claims/${id}/repeat-of`, { id }),
  }),
  row({
    name: "POST /api/v1/claims/{id}/match-rejections",
    expected: SIGNED_IN(201),
    setup: async () => ({ id: await newClaim(), other: await newClaim() }),
    call: (c, f) =>
      send(
        c,
        matchRejectionsRoute.POST,
        "POST",
        `/api/v1/claims/${f.id}/match-rejections`,
        { id: f.id },
        { kind: "claim", id: f.other },
      ),
  }),
  ...(
    [
      ["no published verdict", "none", SIGNED_IN(200)],
      ["published verdict", "published", SIGNED_IN(409)],
      ["published verdict, correction started", "correcting", SIGNED_IN(200)],
    ] as const
  ).map(([label, stage, expected]) =>
    row({
      name: `POST /api/v1/claims/{id}/confirm-anchor (${label})`,
      expected,
      setup: () => fuzzyClaim({ stage }),
      call: (c, f) =>
        send(
          c,
          confirmAnchorRoute.POST,
          "POST",
          `/api/v1/claims/${f.claimId}/confirm-anchor`,
          { id: f.claimId },
          { revision: f.revision },
        ),
    }),
  ),
  row({
    name: "POST /api/v1/claims/{id}/reattach (no published verdict)",
    expected: SIGNED_IN(200),
    setup: () => newClaim(),
    call: (c, id) =>
      send(
        c,
        reattachRoute.POST,
        "POST",
        `/api/v1/claims/${id}/reattach`,
        { id },
        { version: 1, revision: 1, ...span(TEXT, "not civilians") },
      ),
  }),
  ...(
    [
      ["published verdict", "published", SIGNED_IN(409)],
      ["published verdict, correction started", "correcting", SIGNED_IN(200)],
    ] as const
  ).map(([label, stage, expected]) =>
    row({
      name: `POST /api/v1/claims/{id}/reattach (${label})`,
      expected,
      setup: () => claimAt(stage),
      call: (c, id) =>
        send(
          c,
          reattachRoute.POST,
          "POST",
          `/api/v1/claims/${id}/reattach`,
          { id },
          { revision: 1, ...span(TEXT, "not civilians") },
        ),
    }),
  ),
  row({
    name: "POST /api/v1/claims/{id}/comments",
    expected: SIGNED_IN(201),
    setup: () => newClaim(),
    call: (c, id) =>
      send(
        c,
        commentsRoute.POST,
        "POST",
        `/api/v1/claims/${id}/comments`,
        { id },
        { body: "Check the council's minutes." },
      ),
  }),

  // Evidence (content:write; the rule of the claims above, on every claim an item is linked to).
  ...(
    [
      ["", "none", 1],
      [" (published verdict)", "published", 0],
      [" (published verdict, correction started)", "correcting", 1],
    ] as const
  ).flatMap(([label, stage, allowed]) => [
    row({
      name: `POST /api/v1/claims/{id}/evidence${label}`,
      expected: SIGNED_IN(allowed ? 201 : 409),
      setup: () => claimAt(stage),
      call: (c, id) =>
        send(
          c,
          claimEvidenceRoute.POST,
          "POST",
          `/api/v1/claims/${id}/evidence`,
          { id },
          {
            url: "https://example.org/report",
            title: "Aid agency report",
            sourceType: "news_report",
            stance: "refutes",
          },
        ),
    }),
    row({
      name: `PATCH /api/v1/claims/{id}/evidence/{evidenceId}${label}`,
      expected: SIGNED_IN(allowed ? 200 : 409),
      setup: () => claimWithEvidence(stage),
      call: (c, f) =>
        send(
          c,
          evidenceLinkRoute.PATCH,
          "PATCH",
          `/api/v1/claims/${f.claimId}/evidence/${f.evidenceId}`,
          { id: f.claimId, evidenceId: f.evidenceId },
          { stance: "context" },
        ),
    }),
    row({
      name: `DELETE /api/v1/claims/{id}/evidence/{evidenceId}${label}`,
      expected: SIGNED_IN(allowed ? 204 : 409),
      setup: () => claimWithEvidence(stage),
      call: (c, f) =>
        send(c, evidenceLinkRoute.DELETE, "DELETE", `/api/v1/claims/${f.claimId}/evidence/${f.evidenceId}`, {
          id: f.claimId,
          evidenceId: f.evidenceId,
        }),
    }),
    row({
      name: `PATCH /api/v1/evidence/{id}${label}`,
      expected: SIGNED_IN(allowed ? 200 : 409),
      setup: async () => (await claimWithEvidence(stage)).evidenceId,
      call: (c, id) =>
        send(
          c,
          evidenceRoute.PATCH,
          "PATCH",
          `/api/v1/evidence/${id}`,
          { id },
          { version: 1, title: "Retitled evidence" },
        ),
    }),
  ]),

  // Claimants and disputes (content:write).
  row({
    name: "POST /api/v1/claimants",
    expected: SIGNED_IN(201),
    call: (c) => send(c, claimantsRoute.POST, "POST", "/api/v1/claimants", {}, { name: `Claimant ${++seq}` }),
  }),
  row({
    name: "PATCH /api/v1/claimants/{id}",
    expected: SIGNED_IN(200),
    setup: async () => (await createClaimant(writer, { name: `Claimant ${++seq}` })).id,
    call: (c, id) =>
      send(
        c,
        claimantRoute.PATCH,
        "PATCH",
        `/api/v1/claimants/${id}`,
        { id },
        { version: 1, description: "Spokesperson" },
      ),
  }),
  row({
    name: "POST /api/v1/disputes",
    expected: SIGNED_IN(201),
    call: (c) =>
      send(c, disputesRoute.POST, "POST", "/api/v1/disputes", {}, { question: `Who was killed in strike ${++seq}?` }),
  }),
  row({
    name: "PATCH /api/v1/disputes/{id}",
    expected: SIGNED_IN(200),
    setup: async () => (await createDispute(writer, { question: `Who was killed in strike ${++seq}?` })).id,
    call: (c, id) =>
      send(
        c,
        disputeRoute.PATCH,
        "PATCH",
        `/api/v1/disputes/${id}`,
        { id },
        { version: 1, description: "Two accounts of one strike." },
      ),
  }),

  // A public claimant's, document's or dispute's changes (lib/services/publication/record-changes.ts): published by an
  // editor who made none of them (verdicts:review), or discarded by anyone on the desk (content:write). The changes
  // are the writer's unless the row says otherwise; the GET …/{id}/changes beside them only reads.
  ...KINDS.flatMap((kind) => {
    const url = `/api/v1/${SEGMENT[kind]}/{id}`;
    const publish = { claimant: claimantPublishRoute, document: documentPublishRoute, dispute: disputePublishRoute };
    const discard = { claimant: claimantDiscardRoute, document: documentDiscardRoute, dispute: disputeDiscardRoute };
    /** `POST …/{id}/{action}` with the working copy's version the caller saw. */
    const post = async (c: Caller, action: "publish" | "discard-changes", id: number, extra: object = {}) =>
      send(
        c,
        (action === "publish" ? publish : discard)[kind].POST,
        "POST",
        `/api/v1/${SEGMENT[kind]}/${id}/${action}`,
        { id },
        { version: await recordVersion(kind, id), ...extra },
      );
    const own = (c: Caller) => (isActive(c) ? c.self : writer);
    return [
      row({
        name: `POST ${url}/publish`,
        expected: EDITORS(200),
        setup: () => changedRecord(kind),
        call: (c, id) => post(c, "publish", id, { note: "Corrected after the council's statement." }),
      }),
      row({
        // The two-person rule again: whoever changed it may not publish it, editors and admins included.
        name: `POST ${url}/publish (changed by the caller)`,
        expected: SIGNED_IN(403),
        setup: (c) => changedRecord(kind, own(c)),
        call: (c, id) => post(c, "publish", id),
      }),
      row({
        // Any one of those who changed it: the writer's later change does not make the caller's their own.
        name: `POST ${url}/publish (changed by the caller, then by someone else)`,
        expected: SIGNED_IN(403),
        setup: async (c) => {
          const id = await changedRecord(kind, own(c));
          await changeRecord(writer, kind, id);
          return id;
        },
        call: (c, id) => post(c, "publish", id),
      }),
      row({
        name: `POST ${url}/discard-changes`,
        expected: SIGNED_IN(200),
        setup: () => changedRecord(kind),
        call: (c, id) => post(c, "discard-changes", id),
      }),
    ];
  }),

  // Verdicts: the workflow of lib/workflow/verdict-workflow.ts. "Someone else's" is the
  // writer's (a contributor who is none of the callers); "own" was written by the caller.
  row({
    name: "POST /api/v1/claims/{id}/verdicts",
    expected: SIGNED_IN(201),
    setup: () => newClaim(),
    call: (c, id) =>
      send(
        c,
        claimVerdictsRoute.POST,
        "POST",
        `/api/v1/claims/${id}/verdicts`,
        { id },
        { rating: "false", summary: "Civilians were killed." },
      ),
  }),
  row({
    name: "PATCH /api/v1/verdicts/{id} (own draft)",
    expected: SIGNED_IN(200),
    setup: async (c) => (await readyDraft(isActive(c) ? c.self : writer)).verdictId,
    call: async (c, id) =>
      send(
        c,
        verdictRoute.PATCH,
        "PATCH",
        `/api/v1/verdicts/${id}`,
        { id },
        { version: await version(id), summary: "Edited summary." },
      ),
  }),
  row({
    // The author or an editor edits: a contributor who did not write it may not.
    name: "PATCH /api/v1/verdicts/{id} (someone else's draft)",
    expected: EDITORS(200),
    setup: async () => (await readyDraft(writer)).verdictId,
    call: async (c, id) =>
      send(
        c,
        verdictRoute.PATCH,
        "PATCH",
        `/api/v1/verdicts/${id}`,
        { id },
        { version: await version(id), summary: "Edited summary." },
      ),
  }),
  row({
    name: `${STEP} (submit, own draft)`,
    expected: SIGNED_IN(200),
    setup: async (c) => (await readyDraft(isActive(c) ? c.self : writer)).verdictId,
    call: (c, id) => takeStep(c, id, "submit"),
  }),
  row({
    // Only the author submits, editors included.
    name: `${STEP} (submit, someone else's draft)`,
    expected: SIGNED_IN(403),
    setup: async () => (await readyDraft(writer)).verdictId,
    call: (c, id) => takeStep(c, id, "submit"),
  }),
  row({
    name: `${STEP} (withdraw, own)`,
    expected: SIGNED_IN(200),
    setup: async (c) => (await inReview(isActive(c) ? c.self : writer)).verdictId,
    call: (c, id) => takeStep(c, id, "withdraw"),
  }),
  row({
    name: `${STEP} (withdraw, someone else's)`,
    expected: SIGNED_IN(403),
    setup: async () => (await inReview(writer)).verdictId,
    call: (c, id) => takeStep(c, id, "withdraw"),
  }),
  row({
    name: `${STEP} (request-changes, someone else's)`,
    expected: EDITORS(200),
    setup: async () => (await inReview(writer)).verdictId,
    call: (c, id) => takeStep(c, id, "request-changes", { comment: "Cite the council's list." }),
  }),
  row({
    // A contributor may not review at all; an editor may not review their own verdict.
    name: `${STEP} (request-changes, own)`,
    expected: SIGNED_IN(403),
    setup: async (c) => (await inReview(isActive(c) ? c.self : writer)).verdictId,
    call: (c, id) => takeStep(c, id, "request-changes", { comment: "Cite the council's list." }),
  }),
  row({
    name: `${STEP} (publish, someone else's, ready)`,
    expected: EDITORS(200),
    setup: async () => (await inReview(writer)).verdictId,
    call: (c, id) => takeStep(c, id, "publish"),
  }),
  row({
    // The two-person rule: the author cannot publish, even an editor or an admin.
    name: `${STEP} (publish, own)`,
    expected: SIGNED_IN(403),
    setup: async (c) => (await inReview(isActive(c) ? c.self : writer)).verdictId,
    call: (c, id) => takeStep(c, id, "publish"),
  }),
  row({
    // The two-person rule: whoever edited this version (an editor editing the writer's draft)
    // cannot publish it. A contributor may not edit it, nor publish anything: 403 as well.
    name: `${STEP} (publish, someone else's that the caller edited)`,
    expected: SIGNED_IN(403),
    setup: async (c) => {
      const { verdictId } = await readyDraft(writer);
      if (c.who === "editor" || c.who === "admin")
        await updateVerdict(c.self, { verdictId, version: await version(verdictId), summary: "The editor's wording." });
      await step(writer, verdictId, "submit");
      return verdictId;
    },
    call: (c, id) => takeStep(c, id, "publish"),
  }),
  row({
    name: `${STEP} (correct, published)`,
    expected: EDITORS(200),
    setup: async () => (await published()).verdictId,
    call: (c, id) => takeStep(c, id, "correct"),
  }),
  row({
    name: `${STEP} (retract, published)`,
    expected: EDITORS(200),
    setup: async () => (await published()).verdictId,
    call: (c, id) => takeStep(c, id, "retract", { reason: "The strike was misattributed." }),
  }),
  row({
    name: `${STEP} (discard, own draft)`,
    expected: SIGNED_IN(200),
    setup: async (c) => (await readyDraft(isActive(c) ? c.self : writer)).verdictId,
    call: (c, id) => takeStep(c, id, "discard"),
  }),
  row({
    // The author or an editor discards: a contributor who did not write it may not.
    name: `${STEP} (discard, someone else's draft)`,
    expected: EDITORS(200),
    setup: async () => (await readyDraft(writer)).verdictId,
    call: (c, id) => takeStep(c, id, "discard"),
  }),

  // The catch-all under /api/v1: a JSON 404 for a path no route serves, whoever asks (it does
  // nothing, so it checks no credentials: even a revoked token gets the 404).
  ...(["POST", "PUT", "PATCH", "DELETE"] as const).map((method) =>
    row({
      name: `${method} /api/v1/{...path} (no such route)`,
      expected: { anonymous: 404, contributor: 404, editor: 404, admin: 404, disabled: 404, revoked: 404 },
      call: (c) => send(c, unknownRoute[method], method, "/api/v1/no/such/route", { path: "no/such/route" }, {}),
    }),
  ),
];

/**
 * Mutating route exports deliberately not in the table, with the reason. Auth.js's own POST is
 * how a caller signs in or out (form posts guarded by Auth.js's CSRF token, not by a bearer
 * token or a role); sign-in is covered by tests/integration/services/authenticate.test.ts and
 * tests/e2e/auth.spec.ts.
 */
const NOT_IN_TABLE: Record<string, string> = {
  "POST /api/auth/{...nextauth}": "Auth.js sign-in and sign-out",
};

// ---- Fixture accounts -------------------------------------------------------------------------

beforeAll(async () => {
  t = await createTestDb();
  await seedDemo(t.db); // the rating scale (and demo accounts, which no caller is)
  writer = await addUser(t.database, "writer@authz.test", "contributor");
  reviewer = await addUser(t.database, "reviewer@authz.test", "editor");
  for (const who of ["contributor", "editor", "admin"] as const) {
    const self = await addUser(t.database, `${who}@authz.test`, who);
    callers[who] = { who, self, token: (await createApiToken(self, { name: who, scope: "write" })).token };
  }
  // Both the disabled account and the revoked token's owner are admins: accepted, they could do anything.
  // The account is disabled directly in the database, so its token is still unrevoked and only
  // the disabled check stands between it and the routes (updateUser would also revoke it).
  const disabled = await addUser(t.database, "disabled@authz.test", "admin");
  const disabledToken = (await createApiToken(disabled, { name: "disabled", scope: "write" })).token;
  await t.database.transaction(async (tx) => {
    await tx.update(users).set({ disabledAt: new Date() }).where(eq(users.id, disabled.userId));
  });
  const owner = await addUser(t.database, "revoked@authz.test", "admin");
  const revoked = await createApiToken(owner, { name: "revoked", scope: "write" });
  await revokeApiToken(owner, { tokenId: revoked.record.id });
  callers.disabled = { who: "disabled", self: writer, token: disabledToken };
  callers.revoked = { who: "revoked", self: writer, token: revoked.token };
  callers.anonymous = { who: "anonymous", self: writer };
  sharedDocId = await newDocument();
});
afterAll(async () => {
  await t.close();
});

describe("who may call which mutating route", () => {
  const cases = ROUTES.flatMap((row) => WHO.map((who) => ({ ...row, who, status: row.expected[who] })));

  // Named in full (`it.each`'s "$name" cuts a name at 40 characters, and rows of one route differ in their ends).
  for (const { name, setup, call, who, status } of cases) {
    it(`${name} as ${who} should answer ${status}`, async () => {
      const caller = callers[who];
      const fixture = await setup?.(caller);
      const before = await tableSnapshot(t.db);
      const res = await call(caller, fixture);
      expect(res.status, JSON.stringify(res.json)).toBe(status);
      if (status >= 400) {
        expect(res.json).toEqual({
          error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }),
        });
        // Refused means refused: not a row changed.
        expect(await tableSnapshot(t.db)).toEqual(before);
      }
    });
  }
});

describe("the table", () => {
  /**
   * "METHOD /api/…" for every mutating handler a route file exports, `[x]` written `{x}`:
   * `export const POST`, `export (async) function POST`, `export const { GET, POST } = …` and
   * `export { handler as POST }` alike.
   */
  function mutatingRoutes(): string[] {
    const api = path.join(process.cwd(), "app", "api");
    const files = (fs.readdirSync(api, { recursive: true }) as string[]).filter((f) => path.basename(f) === "route.ts");
    return files.flatMap((file) => {
      const source = fs.readFileSync(path.join(api, file), "utf8");
      const url = ["/api", ...path.dirname(file).split(path.sep)].join("/").replace(/\[([^\]]+)\]/g, "{$1}");
      const declared = [
        ...source.matchAll(/export\s+(?:const|(?:async\s+)?function)\s+(POST|PUT|PATCH|DELETE)\b/g),
      ].map((m) => m[1]!);
      const listed = [...source.matchAll(/export\s+(?:const\s+)?\{([^}]*)\}/g)].flatMap((m) =>
        m[1]!
          .split(",")
          .map((part) =>
            part
              .trim()
              .split(/\s+as\s+/)
              .pop()!,
          )
          .filter((name) => /^(POST|PUT|PATCH|DELETE)$/.test(name)),
      );
      return [...new Set([...declared, ...listed])].map((method) => `${method} ${url}`);
    });
  }
  const covered = (route: string) => ROUTES.some((r) => r.name === route || r.name.startsWith(`${route} (`));

  it("should have a row for every mutating route, and no row for a route that does not exist", () => {
    const routes = mutatingRoutes();
    expect(routes.length).toBeGreaterThan(20); // the enumeration itself works
    expect(routes.filter((r) => !covered(r) && !(r in NOT_IN_TABLE))).toEqual([]);
    expect(ROUTES.map((r) => r.name.replace(/ \(.*\)$/, "")).filter((name) => !routes.includes(name))).toEqual([]);
    expect(Object.keys(NOT_IN_TABLE).filter((name) => !routes.includes(name))).toEqual([]);
  });

  it("should refuse every write to anonymous callers, disabled accounts and revoked tokens", () => {
    for (const r of ROUTES.filter((r) => !r.name.includes("{...path}"))) {
      expect([r.name, r.expected.anonymous, r.expected.disabled, r.expected.revoked]).toEqual([r.name, 401, 401, 401]);
    }
  });
});
