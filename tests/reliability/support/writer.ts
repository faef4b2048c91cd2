/**
 * A separate process writing through the services to the database its DATABASE_URL names, for the
 * concurrency, crash and backup tests: `DATABASE_URL=… node --import tsx writer.ts <mode> <json>`.
 * - `update-verdict` / `update-text`: prints `ready` once connected, waits for `go` on its
 *   standard input (the parent sends it when every client is ready, so that all go at
 *   once), makes one write, prints `{"ok":true}` or `{"ok":false,"status":409,…}`.
 * - `write-claims`: creates claims one after another, printing `ack <id>` after each commit,
 *   until it is killed.
 * - `assign-claims`: with the outbox worker running (mail through SMTP_URL), assigns claims in turn to the people
 *   given (each time to the one who does not hold it), printing `ack <claim id>` after each commit, until killed.
 */
import { openDatabase, setDatabase } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { sendMail } from "@/lib/mail/send";
import { startOutboxWorker } from "@/lib/outbox/worker";
import { createClaim } from "@/lib/services/claims/create-claim";
import { getClaimOrThrow } from "@/lib/services/claims/get-claim";
import { updateClaim } from "@/lib/services/claims/update-claim";
import { updateDocumentText } from "@/lib/services/documents/update-document-text";
import { isServiceError } from "@/lib/services/errors";
import { updateVerdict } from "@/lib/services/verdicts/update-verdict";

const [mode, json] = process.argv.slice(2);
const args = JSON.parse(json ?? "{}") as Record<string, unknown> & { userId: number };
const database = openDatabase(process.env.DATABASE_URL!);
setDatabase(database);
const actor: Actor = { kind: "user", userId: args.userId };

async function once(write: () => Promise<unknown>) {
  process.stdout.write("ready\n");
  await new Promise<void>((resolve) => process.stdin.once("data", () => resolve()));
  process.stdin.destroy();
  const wrote = Date.now();
  try {
    await write();
    process.stdout.write(JSON.stringify({ ok: true, wrote }) + "\n");
  } catch (e) {
    if (!isServiceError(e)) throw e;
    process.stdout.write(JSON.stringify({ ok: false, status: e.status, code: e.code, wrote }) + "\n");
  }
}

async function main() {
  if (mode === "update-verdict") {
    await once(() => updateVerdict(actor, { verdictId: args.verdictId, version: args.version, summary: args.summary }));
  } else if (mode === "update-text") {
    await once(() =>
      updateDocumentText(actor, { documentId: args.documentId, baseRevision: args.baseRevision, text: args.text }),
    );
  } else if (mode === "write-claims") {
    for (let n = 0; ; n++) {
      const claim = await createClaim(actor, {
        documentId: args.documentId,
        revision: 1,
        start: 0,
        end: 10,
        claimant: { name: `Writer ${n % 7}` },
        statement: `Claim written by the crash test, number ${n}`,
      });
      // Acknowledged only once committed: the line is written after the transaction returned.
      process.stdout.write(`ack ${claim.id}\n`);
      if (n % 20 === 0) await new Promise((r) => setImmediate(r));
    }
  } else if (mode === "assign-claims") {
    const { claimIds, assigneeIds } = args as unknown as { claimIds: number[]; assigneeIds: number[] };
    startOutboxWorker({ mail: sendMail }, { pollMs: 5 });
    for (let n = 0; ; n++) {
      const claimId = claimIds[n % claimIds.length]!;
      // Always a change (and so a mail): to the other person.
      const { assigneeId } = await getClaimOrThrow(database.db, claimId);
      await updateClaim(actor, {
        claimId,
        assigneeId: assigneeId === assigneeIds[0] ? assigneeIds[1] : assigneeIds[0],
      });
      process.stdout.write(`ack ${claimId}\n`);
      await new Promise((r) => setTimeout(r, 2));
    }
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
}

main()
  .then(() => database.close()) // a connection pool (PostgreSQL) would keep the process alive
  .catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
