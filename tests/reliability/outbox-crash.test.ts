import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { deliveryAttempts, outbox } from "@/db/schema";
import { queryRow, queryRows } from "@/db/sql";
import { reloadEnv } from "@/lib/config/env";
import { closeMailTransport, sendMail } from "@/lib/mail/send";
import { drainOutbox, LOCK_MS } from "@/lib/outbox/outbox";
import { SmtpSink } from "../support/smtp-sink";
import { startWriter } from "./support/processes";
import { acknowledgements, exited, writerTarget, type WriterTarget } from "./support/writes";

/**
 * A server assigning claims and sending their mails from the outbox is killed with SIGKILL at random moments. Every
 * acknowledged change must have its mail in the outbox, and once another sender has run every mail must have reached
 * the mail server; a mail reaches it twice only when a kill fell between the mail server's acceptance and the outbox's
 * mark (the dead sender never recorded its send), and then under the same Message-ID.
 */
const KILLS = Number(process.env.CRASH_KILLS ?? 12);
const smtp = new SmtpSink();
let target: WriterTarget;
let editorId: number;
const ids: number[] = [];
const claimIds: number[] = [];

beforeAll(async () => {
  await smtp.start();
  process.env.SMTP_URL = smtp.url;
  reloadEnv();
  target = await writerTarget();
  const db = target.t.db;
  editorId = (await queryRow<{ id: number }>(db, sql`select id from users where email = 'editor@claimdesk.test'`))!.id;
  for (const who of ["contributor", "reviewer"]) {
    ids.push(
      (await queryRow<{ id: number }>(db, sql`select id from users where email = ${`${who}@claimdesk.test`}`))!.id,
    );
  }
  for (const row of await queryRows<{ id: number }>(db, sql`select id from claims order by id limit 4`))
    claimIds.push(row.id);
});
afterAll(async () => {
  closeMailTransport();
  await smtp.stop();
  delete process.env.SMTP_URL;
  reloadEnv();
  await target.t.close();
});

describe("a server killed while it sends the outbox", () => {
  it(`should lose no mail and send none twice but for the kill's own instant, ${KILLS} times`, async () => {
    const acknowledged: number[] = [];
    for (let round = 0; round < KILLS; round++) {
      const child = startWriter("assign-claims", target.t.url, { userId: editorId, claimIds, assigneeIds: ids });
      const acks = acknowledgements(child);
      await acks.first;
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 400));
      child.kill("SIGKILL");
      await exited(child);
      acknowledged.push(...acks.ids);
    }
    const database = openDatabase(target.t.url);
    try {
      const rows = await database.db.select().from(outbox);
      // Each acknowledged assignment told its new assignee by mail: at least that many rows (and the unacknowledged
      // commits of the instant of a kill).
      expect(rows.length).toBeGreaterThanOrEqual(acknowledged.length);
      const mailedBefore = smtp.mails.length;
      const recordedBefore = (await database.db.select().from(deliveryAttempts)).length;
      // Another server takes over the rows the dead ones held once their locks ran out.
      const later = Date.now() + LOCK_MS + 60_000;
      await drainOutbox({ mail: sendMail }, { now: () => new Date(later) });
      const after = await database.db.select().from(outbox);
      expect(after.filter((r) => r.deliveredAt === null)).toEqual([]);
      const byMessageId = new Map<string, number>();
      for (const m of smtp.mails) byMessageId.set(m.messageId, (byMessageId.get(m.messageId) ?? 0) + 1);
      // Every row reached the mail server, under its own Message-ID.
      expect([...byMessageId.keys()].sort()).toEqual(after.map((r) => `<outbox-${r.id}@localhost>`).sort());
      const twice = [...byMessageId].filter(([, n]) => n > 1);
      expect(twice.every(([, n]) => n === 2)).toBe(true);
      // A repeat is a row whose first send a killed sender made and never recorded: the only attempt on record is
      // the one that delivered it after the kill.
      const attempts = await database.db.select().from(deliveryAttempts);
      for (const [messageId] of twice) {
        const id = Number(/outbox-(\d+)@/.exec(messageId)![1]);
        const mine = attempts.filter((a) => a.outboxId === id);
        expect(mine, messageId).toHaveLength(1);
        expect(mine[0]!.at.getTime(), messageId).toBe(later);
      }
      console.info(
        `${acknowledged.length} acknowledged changes, ${after.length} mails, ${mailedBefore} sent before the kills ended (${recordedBefore} recorded), ${twice.length} sent twice at a kill`,
      );
    } finally {
      await database.close();
    }
  });
});
