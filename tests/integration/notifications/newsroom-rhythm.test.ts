import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import {
  auditEvents,
  claimants,
  claims,
  deliveryAttempts,
  notifications,
  outbox,
  reminders,
  users,
  verdicts,
  webhooks,
} from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { queryRow } from "@/db/sql";
import type { Actor } from "@/lib/auth/actor";
import { reloadEnv } from "@/lib/config/env";
import { closeMailTransport, sendMail } from "@/lib/mail/send";
import { sweepReminders } from "@/lib/notifications/reminders";
import { claimDue, drainOutbox, enqueue, LOCK_MS, sendOne, type Sender } from "@/lib/outbox/outbox";
import { linkRepeat } from "@/lib/services/claims/repeats";
import { updateClaim } from "@/lib/services/claims/update-claim";
import { updateClaimant } from "@/lib/services/claimants/update-claimant";
import { addEvidence } from "@/lib/services/evidence/add-evidence";
import { updateVerdict } from "@/lib/services/verdicts/update-verdict";
import { webhookPayload, type WebhookPayload } from "@/lib/webhooks/payload";
import { listNotifications, markNotificationsRead } from "@/lib/services/notifications/inbox";
import { setNotificationPreferences } from "@/lib/services/notifications/preferences";
import { updateUser } from "@/lib/services/users/update-user";
import { addComment } from "@/lib/services/verdicts/add-comment";
import { createVerdict } from "@/lib/services/verdicts/create-verdict";
import { transitionVerdict } from "@/lib/services/verdicts/transition-verdict";
import { createTestDb, tableSnapshot, type TestDb } from "../../support/db";
import { addUser, refusal } from "../../support/fixtures";
import { SmtpSink } from "../../support/smtp-sink";

let t: TestDb;
const smtp = new SmtpSink();
const as = {} as Record<"admin" | "editor" | "reviewer" | "contributor", Actor>;
const ids = {} as Record<keyof typeof as, number>;
const HOUR = 3600 * 1000;

beforeAll(async () => {
  await smtp.start();
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = "Claimdesk <desk@claimdesk.test>";
  reloadEnv();
});
afterAll(async () => {
  closeMailTransport();
  await smtp.stop();
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
  reloadEnv();
});

beforeEach(async () => {
  t = await createTestDb();
  await seedDemo(t.db);
  for (const name of ["admin", "editor", "reviewer", "contributor"] as const) {
    const row = await queryRow<{ id: number }>(
      t.db,
      sql`select id from users where email = ${`${name}@claimdesk.test`}`,
    );
    ids[name] = row!.id;
    as[name] = { kind: "user", userId: row!.id };
  }
  smtp.mails.length = 0;
  if (!smtp.port || !(await smtpListening())) await smtp.start();
});
afterEach(async () => {
  await t.close();
});

async function smtpListening() {
  return smtp["server"] !== null;
}

/** A claim of the demo without a verdict, and its version. */
async function openClaim() {
  const [row] = await t.db
    .select()
    .from(claims)
    .where(sql`not exists (select 1 from verdicts v where v.claim_id = ${claims.id})`)
    .orderBy(claims.id)
    .limit(1);
  return row!;
}

const inbox = async (who: keyof typeof as) => (await listNotifications(as[who])).items;
const sendMails = (now?: () => Date) => drainOutbox({ mail: sendMail }, now ? { now } : {});

describe("assigning a claim", () => {
  it("should set the assignee, reviewer, deadline and priority, and tell the assignee and the reviewer", async () => {
    const claim = await openClaim();
    const after = await updateClaim(as.editor, {
      claimId: claim.id,
      version: claim.version,
      assigneeId: ids.contributor,
      reviewerId: ids.reviewer,
      dueAt: "2030-01-15",
      priority: "high",
    });
    expect(after).toMatchObject({ assigneeId: ids.contributor, reviewerId: ids.reviewer, priority: "high" });
    expect(after.dueAt!.toISOString()).toBe("2030-01-15T23:59:59.999Z");
    const [told] = await inbox("contributor");
    expect(told).toMatchObject({ kind: "assigned", claimId: claim.id, readAt: null });
    expect(told!.message).toBe(`Esther Editor assigned you the claim “${claim.statement}”`);
    expect((await inbox("reviewer"))[0]!.message).toBe(
      `Esther Editor made you the reviewer of the claim “${claim.statement}”`,
    );
    expect(await inbox("editor")).toEqual([]);

    expect(await sendMails()).toBe(2);
    expect(smtp.mails.map((m) => m.to[0]).sort()).toEqual(["contributor@claimdesk.test", "reviewer@claimdesk.test"]);
    const mail = smtp.mails.find((m) => m.to[0] === "contributor@claimdesk.test")!;
    expect(mail.from).toBe("desk@claimdesk.test");
    expect(mail.subject).toBe(`Assigned to you: ${claim.statement.slice(0, 59)}…`);
    expect(mail.text).toContain(`/editor/claims/${claim.id}`);
    expect(mail.text).toContain("/editor/account#notifications");
    expect(mail.messageId).toMatch(/^<outbox-\d+@localhost>$/);
    expect(await sendMails()).toBe(0);
    expect(smtp.mails).toHaveLength(2);
  });

  it("should take an ISO instant, and clear the deadline with null", async () => {
    const claim = await openClaim();
    const a = await updateClaim(as.editor, { claimId: claim.id, dueAt: "2030-01-15T09:30:00+02:00" });
    expect(a.dueAt!.toISOString()).toBe("2030-01-15T07:30:00.000Z");
    const b = await updateClaim(as.editor, { claimId: claim.id, dueAt: null });
    expect(b.dueAt).toBeNull();
  });

  it("should let a contributor take an unassigned claim and give it back, and nothing more", async () => {
    const claim = await openClaim();
    const taken = await updateClaim(as.contributor, { claimId: claim.id, assigneeId: ids.contributor });
    expect(taken.assigneeId).toBe(ids.contributor);
    expect(await inbox("contributor")).toEqual([]); // one is not told of one's own doing
    expect((await refusal(() => updateClaim(as.contributor, { claimId: claim.id, priority: "urgent" }))).status).toBe(
      403,
    );
    const back = await updateClaim(as.contributor, { claimId: claim.id, assigneeId: null });
    expect(back.assigneeId).toBeNull();
    await updateClaim(as.editor, { claimId: claim.id, assigneeId: ids.reviewer });
    const e = await refusal(() => updateClaim(as.contributor, { claimId: claim.id, assigneeId: ids.contributor }));
    expect(e.status).toBe(403);
    expect(e.message).toMatch(/Only an editor may assign a claim to someone else/);
  });

  it("should refuse a bad assignment with a 422 naming the field, and change nothing", async () => {
    const claim = await openClaim();
    const gone = (await addUser(t.database, "gone@claimdesk.test", "editor", { disabled: true })).userId;
    const before = await tableSnapshot(t.db);
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ assigneeId: 9999 }, "assigneeId", /must be an active account/],
      [{ reviewerId: ids.contributor }, "reviewerId", /must be an editor or an admin/],
      [{ assigneeId: ids.reviewer, reviewerId: ids.reviewer }, "reviewerId", /other than the assignee/],
      [{ dueAt: "tomorrow" }, "dueAt", /YYYY-MM-DD or an ISO 8601 date and time/],
      [{ dueAt: "2030-02-30" }, "dueAt", /YYYY-MM-DD/],
      [{ priority: "asap" }, "priority", /must be one of low, normal, high, urgent/],
    ];
    for (const [fields, path, message] of cases) {
      const e = await refusal(() => updateClaim(as.editor, { claimId: claim.id, ...fields }));
      expect(e.status, JSON.stringify(fields)).toBe(422);
      expect(e.issues?.[0]).toMatchObject({ path, message: expect.stringMatching(message) });
    }
    const disabled = await refusal(() => updateClaim(as.editor, { claimId: claim.id, assigneeId: gone }));
    expect(disabled.issues?.[0]).toMatchObject({ path: "assigneeId", message: "must be an active account" });
    expect(await tableSnapshot(t.db)).toEqual(before);
    expect(await t.db.select().from(notifications).where(eq(notifications.kind, "assigned"))).toEqual([]);
  });

  it("should write nothing when nothing changes, and assign a repeat only through the claim it repeats", async () => {
    const claim = await openClaim();
    await updateClaim(as.editor, { claimId: claim.id, assigneeId: ids.contributor, priority: "high" });
    const before = await tableSnapshot(t.db);
    const same = await updateClaim(as.editor, { claimId: claim.id, assigneeId: ids.contributor, priority: "high" });
    expect(same.version).toBe(claim.version + 1);
    expect(await tableSnapshot(t.db)).toEqual(before);

    const [other] = await t.db
      .select()
      .from(claims)
      .where(sql`${claims.id} <> ${claim.id} and not exists (select 1 from verdicts v where v.claim_id = ${claims.id})`)
      .limit(1);
    await linkRepeat(as.editor, { claimId: other!.id, of: claim.id });
    const e = await refusal(() => updateClaim(as.editor, { claimId: other!.id, assigneeId: ids.reviewer }));
    expect(e.status).toBe(409);
    expect(e.message).toBe(
      `This claim is a repeat of claim ${claim.id}, which has the verdict: assign that claim instead.`,
    );
  });

  it("should let the assignment change while a verdict is in review, when the content may not", async () => {
    const claim = await openClaim();
    const v = await createVerdict(as.contributor, {
      claimId: claim.id,
      rating: "false",
      summary: "No.",
      rationale: "Because. ".repeat(20),
    });
    await transitionVerdict(as.contributor, { verdictId: v.id, step: "submit", version: v.version });
    await updateClaim(as.editor, { claimId: claim.id, dueAt: "2030-01-01", priority: "urgent" });
    expect((await refusal(() => updateClaim(as.editor, { claimId: claim.id, statement: "Another." }))).status).toBe(
      409,
    );
  });
});

describe("notifications of the workflow", () => {
  it("should tell the named reviewer when a verdict waits for them, else every editor but its author", async () => {
    const claim = await openClaim();
    await updateClaim(as.editor, { claimId: claim.id, reviewerId: ids.reviewer });
    await markNotificationsRead(as.reviewer, { all: true });
    const v = await createVerdict(as.contributor, {
      claimId: claim.id,
      rating: "false",
      summary: "No.",
      rationale: "Because. ".repeat(20),
    });
    await transitionVerdict(as.contributor, { verdictId: v.id, step: "submit", version: v.version });
    expect((await listNotifications(as.reviewer, { unread: true })).items.map((n) => n.kind)).toEqual([
      "review_requested",
    ]);
    expect(await inbox("editor")).toEqual([]);
    expect(await inbox("admin")).toEqual([]);

    // Sent back with changes: the author is told. Submitted again without a named reviewer: every editor is.
    const [inReview] = await t.db.select().from(verdicts).where(eq(verdicts.id, v.id));
    await transitionVerdict(as.reviewer, {
      verdictId: v.id,
      step: "request_changes",
      version: inReview!.version,
      comment: "Cite the source; @editor knows it.",
    });
    expect((await inbox("contributor"))[0]).toMatchObject({ kind: "changes_requested" });
    expect((await inbox("editor"))[0]).toMatchObject({ kind: "mentioned" });
    await updateClaim(as.editor, { claimId: claim.id, reviewerId: null });
    const [draft] = await t.db.select().from(verdicts).where(eq(verdicts.id, v.id));
    await transitionVerdict(as.contributor, { verdictId: v.id, step: "submit", version: draft!.version });
    for (const who of ["editor", "admin"] as const) {
      expect((await inbox(who)).map((n) => n.kind)).toContain("review_requested");
    }
    expect((await inbox("contributor")).map((n) => n.kind)).not.toContain("review_requested");
  });

  it("should tell every editor when the named reviewer may no longer review it", async () => {
    const claim = await openClaim();
    await updateClaim(as.editor, { claimId: claim.id, reviewerId: ids.reviewer });
    const [reviewer] = await t.db.select().from(users).where(eq(users.id, ids.reviewer));
    await updateUser(as.admin, { userId: ids.reviewer, version: reviewer!.version, role: "contributor" });
    const v = await createVerdict(as.contributor, {
      claimId: claim.id,
      rating: "false",
      summary: "No.",
      rationale: "Because. ".repeat(20),
    });
    await transitionVerdict(as.contributor, { verdictId: v.id, step: "submit", version: v.version });
    for (const who of ["editor", "admin"] as const) {
      expect((await inbox(who)).map((n) => n.kind)).toContain("review_requested");
    }
    expect((await inbox("reviewer")).map((n) => n.kind)).not.toContain("review_requested");
  });

  it("should tell people mentioned in a comment, by address or by the part before the @", async () => {
    const claim = await openClaim();
    await addComment(as.contributor, {
      claimId: claim.id,
      body: "@reviewer could you look? cc @editor@claimdesk.test and @nobody, not x@admin",
    });
    expect((await inbox("reviewer"))[0]).toMatchObject({ kind: "mentioned", data: { excerpt: expect.any(String) } });
    expect((await inbox("editor"))[0]?.message).toMatch(/^Chloe Contributor mentioned you in a comment on/);
    expect(await inbox("admin")).toEqual([]);
  });

  it("should follow each person's channel for each kind", async () => {
    const claim = await openClaim();
    await setNotificationPreferences(as.contributor, { assigned: "email" });
    await setNotificationPreferences(as.reviewer, { assigned: "none" });
    await updateClaim(as.editor, { claimId: claim.id, assigneeId: ids.contributor, reviewerId: ids.reviewer });
    expect(await inbox("contributor")).toEqual([]);
    expect(await inbox("reviewer")).toEqual([]);
    await sendMails();
    expect(smtp.mails.map((m) => m.to[0])).toEqual(["contributor@claimdesk.test"]);
    const e = await refusal(() => setNotificationPreferences(as.contributor, { assigned: "pigeon" }));
    expect(e.status).toBe(422);
    expect((await refusal(() => setNotificationPreferences(as.contributor, { nonsense: "app" }))).status).toBe(422);
  });

  it("should mark one's own notifications read, not others'", async () => {
    const claim = await openClaim();
    await updateClaim(as.editor, { claimId: claim.id, assigneeId: ids.contributor, reviewerId: ids.reviewer });
    const [mine] = await inbox("contributor");
    const [theirs] = await inbox("reviewer");
    expect(await markNotificationsRead(as.contributor, { ids: [mine!.id, theirs!.id] })).toEqual({
      marked: 1,
      unread: 0,
    });
    expect((await inbox("reviewer"))[0]!.readAt).toBeNull();
    expect((await refusal(() => markNotificationsRead(as.contributor, { ids: [] }))).status).toBe(422);
    expect((await refusal(() => markNotificationsRead(null, { all: true }))).status).toBe(401);
  });

  it("should return a disabled account's open claims to the queue and tell the editors", async () => {
    const claim = await openClaim();
    await updateClaim(as.editor, { claimId: claim.id, assigneeId: ids.contributor });
    await updateUser(as.admin, { userId: ids.contributor, disabled: true });
    const [after] = await t.db.select().from(claims).where(eq(claims.id, claim.id));
    expect(after!.assigneeId).toBeNull();
    const [told] = await inbox("editor");
    expect(told!.message).toBe(
      "Ada Admin disabled the account of Chloe Contributor: 1 open claim returned to the unassigned queue",
    );
    const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "claim.unassign"));
    expect(audit).toHaveLength(1);
    await sendMails();
    expect(smtp.mails.find((m) => m.to[0] === "editor@claimdesk.test")?.subject).toBe("Claims returned to the queue");
  });
});

describe("mail from the outbox", () => {
  it("should keep mails while the mail server is down and send each once when it is back", async () => {
    const claim = await openClaim();
    await smtp.stop();
    await updateClaim(as.editor, { claimId: claim.id, assigneeId: ids.contributor });
    const start = Date.now();
    expect(await sendMails(() => new Date(start))).toBe(1);
    const [waiting] = await t.db.select().from(outbox);
    expect(waiting).toMatchObject({ attempts: 1, deliveredAt: null, deadAt: null });
    expect(waiting!.lastError).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
    expect(waiting!.nextAttemptAt.getTime() - start).toBeGreaterThanOrEqual(4_000);
    // Not due yet: nothing is tried.
    expect(await sendMails(() => new Date(start + 1_000))).toBe(0);

    await smtp.start();
    expect(await sendMails(() => new Date(start + 10_000))).toBe(1);
    expect(await sendMails(() => new Date(start + 100 * HOUR))).toBe(0);
    expect(smtp.mails).toHaveLength(1);
    const attempts = await t.db.select().from(deliveryAttempts).orderBy(deliveryAttempts.id);
    expect(attempts.map((a) => a.status)).toEqual([null, 250]);
  });

  it("should lose nothing and send nothing twice when a server dies between the change and the send", async () => {
    const claim = await openClaim();
    await updateClaim(as.editor, { claimId: claim.id, assigneeId: ids.contributor });
    // A server claims the mail and dies before sending it: its claim holds the row until the lock runs out.
    const now = Date.now();
    const [claimed] = await claimDue(["mail"], 10, new Date(now));
    expect(claimed).toBeDefined();
    expect(await sendMails(() => new Date(now + 1_000))).toBe(0);
    expect(smtp.mails).toHaveLength(0);
    // Another server takes it over once the lock has run out, and sends it once.
    expect(await sendMails(() => new Date(now + LOCK_MS + 1_000))).toBe(1);
    expect(smtp.mails).toHaveLength(1);
    // The dead server's late finish is ignored: the row stays delivered, once.
    await sendOne(claimed!, sendMail);
    expect(smtp.mails).toHaveLength(2);
    const [row] = await t.db.select().from(outbox);
    expect(row!.deliveredAt).not.toBeNull();
    expect(smtp.mails[0]!.messageId).toBe(smtp.mails[1]!.messageId);
  });

  it("should give up on a refused recipient at once, and keep trying through a refused login", async () => {
    const claim = await openClaim();
    smtp.refuse.recipients.add("contributor@claimdesk.test");
    try {
      await updateClaim(as.editor, { claimId: claim.id, assigneeId: ids.contributor });
      expect(await sendMails()).toBe(1);
      const [refused] = await t.db.select().from(outbox);
      expect(refused).toMatchObject({ attempts: 1, lastStatus: 550, deliveredAt: null });
      expect(refused!.deadAt).not.toBeNull();
    } finally {
      smtp.refuse.recipients.clear();
    }
    smtp.refuse.auth = true;
    try {
      await updateClaim(as.editor, { claimId: claim.id, reviewerId: ids.reviewer });
      const start = Date.now();
      expect(await sendMails(() => new Date(start))).toBe(1);
      const [, waiting] = await t.db.select().from(outbox).orderBy(outbox.id);
      expect(waiting).toMatchObject({ attempts: 1, lastStatus: 535, deliveredAt: null, deadAt: null });
    } finally {
      smtp.refuse.auth = false;
    }
    expect(await sendMails(() => new Date(Date.now() + 60_000))).toBe(1);
    expect(smtp.mails.map((m) => m.to[0])).toEqual(["reviewer@claimdesk.test"]);
  });

  it("should let several senders drain at once: each row sent once, in order per key", async () => {
    await t.database.transaction((tx) =>
      enqueue(
        tx,
        Array.from({ length: 120 }, (_, i) => ({
          kind: "webhook" as const,
          payload: { n: i },
          orderingKey: `key-${i % 6}`,
        })),
      ),
    );
    const sent: { id: number; key: string }[] = [];
    const record: Sender = async (row) => {
      sent.push({ id: row.id, key: row.orderingKey! });
      await new Promise((r) => setTimeout(r, Math.random() * 3));
      return { ok: true, status: 200 };
    };
    await Promise.all(Array.from({ length: 6 }, () => drainOutbox({ webhook: record }, { batch: 4 })));
    expect(sent).toHaveLength(120);
    expect(new Set(sent.map((s) => s.id)).size).toBe(120);
    for (let k = 0; k < 6; k++) {
      const ids = sent.filter((s) => s.key === `key-${k}`).map((s) => s.id);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
    }
    expect((await t.db.select().from(outbox)).every((r) => r.deliveredAt !== null && r.attempts === 1)).toBe(true);
  });

  it("should write no mail when the change fails", async () => {
    const claim = await openClaim();
    await refusal(() =>
      updateClaim(as.editor, { claimId: claim.id, version: claim.version + 5, assigneeId: ids.contributor }),
    );
    expect(await t.db.select().from(outbox)).toEqual([]);
    expect(await t.db.select().from(notifications)).toEqual([]);
  });
});

describe("due-date reminders", () => {
  it("should remind the assignee once when the claim is due within a day, and once when it is overdue", async () => {
    const claim = await openClaim();
    const due = new Date(Date.now() + 30 * HOUR);
    await updateClaim(as.editor, { claimId: claim.id, assigneeId: ids.contributor, dueAt: due.toISOString() });
    await markNotificationsRead(as.contributor, { all: true });
    expect(await sweepReminders(new Date(due.getTime() - 30 * HOUR))).toBe(0);
    const [a, b] = await Promise.all([
      sweepReminders(new Date(due.getTime() - 20 * HOUR)),
      sweepReminders(new Date(due.getTime() - 20 * HOUR)),
    ]);
    expect(a + b).toBe(1);
    expect(await sweepReminders(new Date(due.getTime() - 10 * HOUR))).toBe(0);
    expect(await sweepReminders(new Date(due.getTime() + HOUR))).toBe(1);
    expect(await sweepReminders(new Date(due.getTime() + 2 * HOUR))).toBe(0);
    const told = (await listNotifications(as.contributor, { unread: true })).items;
    expect(told.map((n) => n.kind)).toEqual(["overdue", "due_soon"]);
    expect(told[1]!.message).toMatch(/^The claim “.*” is due .* \(UTC\)$/);
    expect(await t.db.select().from(reminders)).toHaveLength(2);
    await sendMails();
    expect(smtp.mails.filter((m) => m.to[0] === "contributor@claimdesk.test")).toHaveLength(3);
  });

  it("should remind again for a new deadline, and never for a claim whose verdict is published", async () => {
    const claim = await openClaim();
    const due = new Date(Date.now() + 2 * HOUR);
    await updateClaim(as.editor, { claimId: claim.id, assigneeId: ids.contributor, dueAt: due.toISOString() });
    expect(await sweepReminders()).toBe(1);
    const later = new Date(due.getTime() + 3 * HOUR);
    await updateClaim(as.editor, { claimId: claim.id, dueAt: later.toISOString() });
    expect(await sweepReminders()).toBe(1);
    const published = (
      await t.db.select({ claimId: verdicts.claimId }).from(verdicts).where(eq(verdicts.state, "published"))
    )[0]!.claimId;
    await updateClaim(as.editor, { claimId: published, assigneeId: ids.contributor, dueAt: "2000-01-01" });
    expect(await sweepReminders()).toBe(0);
  });
});

describe("due-date reminders for claims nobody holds", () => {
  it("should wait for someone to hold the claim, and leave repeats to the claim they repeat", async () => {
    const claim = await openClaim();
    const due = new Date(Date.now() + 2 * HOUR);
    await updateClaim(as.editor, { claimId: claim.id, dueAt: due.toISOString() });
    expect(await sweepReminders()).toBe(0); // nobody to tell: the reminder is not used up
    await updateClaim(as.contributor, { claimId: claim.id, assigneeId: ids.contributor });
    expect(await sweepReminders()).toBe(1);
    expect((await inbox("contributor")).map((n) => n.kind)).toEqual(["due_soon"]);

    // Linked as a repeat of another claim, a claim's own assignment goes (its audit event keeps it).
    const [root] = await t.db
      .select()
      .from(claims)
      .where(sql`${claims.id} <> ${claim.id} and not exists (select 1 from verdicts v where v.claim_id = ${claims.id})`)
      .limit(1);
    const repeat = await linkRepeat(as.editor, { claimId: claim.id, of: root!.id });
    expect(repeat).toMatchObject({ assigneeId: null, reviewerId: null, dueAt: null, priority: "normal" });
    const [audit] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "claim.link_repeat"));
    expect(audit!.before).toMatchObject({ assignment: { assigneeId: ids.contributor, priority: "normal" } });
    expect(await sweepReminders(new Date(due.getTime() + HOUR))).toBe(0);
  });
});

describe("what webhooks carry", () => {
  it("should carry the public record of a published, corrected or retracted verdict, not the desk's working copy", async () => {
    await t.database.transaction((tx) =>
      tx.insert(webhooks).values({
        url: "https://cms.example/hook",
        events: ["verdict.submitted", "verdict.published", "verdict.corrected", "verdict.retracted"],
        secret: "a-secret-of-sixteen-or-more",
      }),
    );
    const claim = await openClaim();
    await addEvidence(as.contributor, {
      claimId: claim.id,
      url: "https://example.org/source",
      title: "The source",
      sourceType: "news_report",
      stance: "refutes",
    });
    const v = await createVerdict(as.contributor, {
      claimId: claim.id,
      rating: "false",
      summary: "No.",
      rationale: "Because the source says otherwise. ".repeat(8),
    });
    const step = async (who: Actor, verdictId: number, name: string, extra: object = {}) => {
      const [row] = await t.db.select().from(verdicts).where(eq(verdicts.id, verdictId));
      return transitionVerdict(who, { verdictId, step: name, version: row!.version, ...extra });
    };
    await step(as.contributor, v.id, "submit");
    expect((await t.db.select().from(claims).where(eq(claims.id, claim.id)))[0]!.closedAt).toBeNull();
    await step(as.reviewer, v.id, "publish");
    // The database closes the claim's work when a verdict on it is first published (the seed's claims too).
    const [closed] = await t.db.select().from(claims).where(eq(claims.id, claim.id));
    expect(closed!.closedAt).not.toBeNull();
    const mismatched = await queryRow<{ n: number }>(
      t.db,
      sql`select count(*) as n from claims c where (c.closed_at is null) = exists (
            select 1 from verdicts v where v.claim_id = c.id and v.state in ('published', 'superseded', 'retracted'))`,
    );
    expect(Number(mismatched!.n)).toBe(0);
    // A contributor renames the claimant on the desk: readers see the old name until an editor publishes the change.
    const [current] = await t.db
      .select({ name: claimants.name, version: claimants.version })
      .from(claimants)
      .where(eq(claimants.id, claim.claimantId));
    const publishedName = current!.name;
    await updateClaimant(as.contributor, {
      claimantId: claim.claimantId,
      version: current!.version,
      name: "A name not yet published",
    });
    const correction = await step(as.editor, v.id, "correct");
    await updateVerdict(as.editor, { verdictId: correction.id, version: correction.version, summary: "Still no." });
    await step(as.editor, correction.id, "submit");
    await step(as.reviewer, correction.id, "publish", { note: "Clearer summary." });
    await step(as.reviewer, correction.id, "retract", { reason: "The source was withdrawn." });

    const sent: WebhookPayload[] = [];
    await drainOutbox({
      webhook: async (row) => (sent.push(row.payload as WebhookPayload), { ok: true, status: 200 }),
    });
    expect(sent.map((p) => p.event)).toEqual([
      "verdict.submitted",
      "verdict.published",
      "verdict.submitted",
      "verdict.corrected",
      "verdict.retracted",
    ]);
    const [, published, submitted, corrected, retracted] = sent;
    expect(published!.claim.claimant).toBe(publishedName);
    expect(published!.verdict).toMatchObject({ state: "published", ratingKey: "false", summary: "No." });
    // The desk's own systems hear of work in progress as it is on the desk.
    expect(submitted!.claim.claimant).toBe("A name not yet published");
    expect(corrected!.claim.claimant).toBe(publishedName);
    expect(corrected!.verdict).toMatchObject({ seq: 2, summary: "Still no.", correctionNote: "Clearer summary." });
    expect(retracted!.claim.claimant).toBe(publishedName);
    expect(retracted!.verdict).toMatchObject({
      state: "retracted",
      summary: null,
      ratingKey: null,
      ratingLabel: null,
      retractionReason: "The source was withdrawn.",
    });
    for (const p of sent) expect(webhookPayload.safeParse(p).success).toBe(true);
  });
});
