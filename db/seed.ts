/**
 * Loads the demo data (`npm run db:seed`). Idempotent: accounts and ratings are added when
 * missing, and the demo article with its claims, dispute, evidence and verdicts is loaded
 * only if no document has its slug yet. Everything is written in one transaction with an
 * audit event per record, attributed to the `seed` operator.
 */
import { eq } from "drizzle-orm";
import fs from "node:fs";
import path from "node:path";
import { getDatabase, type DB, type Tx } from "@/db/client";
import * as s from "@/db/schema";
import type { ActingUser } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { locateQuote } from "@/lib/anchoring/selectors";
import { extractDateMarker, toCanonicalText } from "@/lib/documents/canonical-text";
import { recordAudit } from "@/lib/services/audit";
import { ServiceError } from "@/lib/services/errors";
import { backfillPublishedRecords } from "@/lib/services/publication/published-records";
import { snapshotEvidence } from "@/lib/services/verdicts/evidence-snapshot";
import { slugify } from "@/lib/text/slugify";
import * as demo from "./seed-data/demo";
import * as demoUk from "./seed-data/demo-uk";
import { EVERY_PUBLIC_PAGE, markInvalidated } from "@/db/queries/cache-invalidations";

const SEED_ACTOR: ActingUser = { id: null, role: "admin", name: "seed", label: "seed" };
const DAY = 24 * 60 * 60 * 1000;

export type SeedReport = { usersAdded: number; ratingsAdded: number; documentAdded: boolean };

/**
 * Loads whatever part of the demo data is missing. A database that already has accounts
 * but none of the demo ones is a real deployment: the demo accounts, whose password is
 * public, are not added to it unless `force` is set. `db` is the process database's read
 * handle (`getDb()`); the writes are one transaction of the process database (`getDatabase()`).
 */
export async function seedDemo(db: DB, { force = false } = {}): Promise<SeedReport> {
  if (!force && (await isRealDeployment(db))) {
    throw new ServiceError(
      "conflict",
      "This database has real accounts and no demo ones: refusing to add demo accounts with a public password (use --force to do it anyway).",
    );
  }
  const passwordHash = await hashPassword(demo.DEMO_PASSWORD);
  const raw = fs.readFileSync(path.join(process.cwd(), "db", "seed-data", demo.DEMO_DOCUMENT.file), "utf8");
  return getDatabase().transaction(async (tx) => {
    const usersAdded = await seedUsers(tx, passwordHash);
    const ratingsAdded = await seedRatings(tx);
    const [exists] = await tx
      .select({ id: s.documents.id })
      .from(s.documents)
      .where(eq(s.documents.slug, demo.DEMO_DOCUMENT.slug))
      .limit(1);
    if (!exists) await seedArticle(tx, raw);
    const ukrainianAdded = await seedUkrainianArticle(tx);
    if (!exists || ukrainianAdded) await backfillPublishedRecords(tx);
    // Servers already running on this database drop what they kept: the demo publishes verdicts.
    if (!exists || ukrainianAdded || ratingsAdded > 0) await markInvalidated(tx, [EVERY_PUBLIC_PAGE]);
    return { usersAdded, ratingsAdded, documentAdded: !exists || ukrainianAdded };
  });
}

async function isRealDeployment(db: DB): Promise<boolean> {
  const emails = (await db.select({ email: s.users.email }).from(s.users)).map((u) => u.email);
  return emails.length > 0 && !emails.some((e) => demo.DEMO_USERS.some((d) => d.email === e));
}

async function seedUsers(tx: Tx, passwordHash: string): Promise<number> {
  let added = 0;
  for (const u of demo.DEMO_USERS) {
    const [existing] = await tx.select({ id: s.users.id }).from(s.users).where(eq(s.users.email, u.email)).limit(1);
    if (existing) continue;
    const [row] = await tx
      .insert(s.users)
      .values({ ...u, passwordHash })
      .returning({ id: s.users.id });
    await recordAudit(tx, SEED_ACTOR, { action: "user.create", entityType: "user", entityId: row!.id, after: u });
    added++;
  }
  return added;
}

async function seedRatings(tx: Tx): Promise<number> {
  let added = 0;
  for (const [position, r] of demo.DEFAULT_RATINGS.entries()) {
    const [existing] = await tx.select({ id: s.ratings.id }).from(s.ratings).where(eq(s.ratings.key, r.key)).limit(1);
    if (existing) continue;
    const uk = demoUk.UK_RATINGS[r.key];
    const [row] = await tx
      .insert(s.ratings)
      .values({ ...r, position, translations: uk ? { uk } : null })
      .returning({ id: s.ratings.id });
    await recordAudit(tx, SEED_ACTOR, { action: "rating.create", entityType: "rating", entityId: row!.id, after: r });
    added++;
  }
  return added;
}

async function seedArticle(tx: Tx, raw: string): Promise<void> {
  const userId = async (email: string) =>
    (await tx.select({ id: s.users.id }).from(s.users).where(eq(s.users.email, email)).limit(1))[0]!.id;
  const ratingId = async (key: string) =>
    (await tx.select({ id: s.ratings.id }).from(s.ratings).where(eq(s.ratings.key, key)).limit(1))[0]!.id;
  const audit = (entityType: string, entityId: number, after: unknown) =>
    recordAudit(tx, SEED_ACTOR, { action: `${entityType}.create`, entityType, entityId, after });

  const { date, text: body } = extractDateMarker(toCanonicalText(raw));
  const text = toCanonicalText(body);
  const editorId = await userId("editor@claimdesk.test");

  const [doc] = await tx
    .insert(s.documents)
    .values({ ...demo.DEMO_DOCUMENT, publishedAt: date, createdBy: editorId })
    .returning();
  await tx.insert(s.documentRevisions).values({ documentId: doc!.id, revision: 1, text, createdBy: editorId });
  await audit("document", doc!.id, { title: doc!.title, slug: doc!.slug, revision: 1 });

  const claimantIds = new Map<string, number>();
  for (const c of demo.DEMO_CLAIMANTS) {
    const [row] = await tx
      .insert(s.claimants)
      .values({ slug: slugify(c.name), name: c.name, description: c.description, kind: c.kind, createdBy: editorId })
      .returning();
    claimantIds.set(c.key, row!.id);
    await audit("claimant", row!.id, { name: row!.name, slug: row!.slug });
  }

  const claimIds = new Map<string, number>();
  for (const c of demo.DEMO_CLAIMS) {
    const sel = locateQuote(text, c.quote, c.after);
    const [row] = await tx
      .insert(s.claims)
      .values({
        slug: slugify(c.statement),
        documentId: doc!.id,
        revision: 1,
        claimantId: claimantIds.get(c.claimant)!,
        statement: c.statement,
        claimedAt: c.claimedAt,
        quote: sel.exact,
        prefix: sel.prefix,
        suffix: sel.suffix,
        start: sel.start,
        end: sel.end,
        createdBy: editorId,
      })
      .returning();
    claimIds.set(c.key, row!.id);
    await audit("claim", row!.id, { slug: row!.slug, statement: row!.statement, start: row!.start, end: row!.end });
  }

  const [dispute] = await tx
    .insert(s.disputes)
    .values({ ...demo.DEMO_DISPUTE, createdBy: editorId })
    .returning();
  for (const [position, c] of demo.DEMO_CLAIMS.filter((c) => c.account).entries()) {
    await tx
      .insert(s.disputeAccounts)
      .values({ disputeId: dispute!.id, claimId: claimIds.get(c.key)!, label: c.account!, position });
  }
  await audit("dispute", dispute!.id, { slug: dispute!.slug, question: dispute!.question });

  for (const e of demo.DEMO_EVIDENCE) {
    const { key: _key, links, ...values } = e;
    const [row] = await tx
      .insert(s.evidence)
      .values({ ...values, createdBy: editorId })
      .returning();
    for (const link of links) {
      await tx
        .insert(s.claimEvidence)
        .values({ claimId: claimIds.get(link.claim)!, evidenceId: row!.id, stance: link.stance, createdBy: editorId });
    }
    await audit("evidence", row!.id, { url: row!.url, links });
  }

  const now = Date.now();
  for (const v of demo.DEMO_VERDICTS) {
    const isSubmitted = v.state !== "draft";
    const isPublished = v.state === "published";
    const claimId = claimIds.get(v.claim)!;
    const [row] = await tx
      .insert(s.verdicts)
      .values({
        claimId,
        seq: 1,
        state: v.state,
        ratingId: await ratingId(v.rating),
        summary: v.summary,
        rationale: v.rationale,
        authorId: await userId(v.author),
        reviewerId: v.reviewer ? await userId(v.reviewer) : null,
        submittedAt: isSubmitted ? new Date(now - 2 * DAY) : null,
        publishedAt: isPublished ? new Date(now - DAY) : null,
        evidenceSnapshot: isPublished ? await snapshotEvidence(tx, claimId) : null,
      })
      .returning();
    await audit("verdict", row!.id, { claimId: row!.claimId, state: row!.state, rating: v.rating });
  }
}

/**
 * The demo's Ukrainian article (db/seed-data/demo-uk.ts): its document, claimant and claim, linked to evidence the
 * first article cites and to a piece of its own, with a verdict written and published in Ukrainian. Added when missing
 * (a demo database from before it gets it too); returns whether it was.
 */
async function seedUkrainianArticle(tx: Tx): Promise<boolean> {
  const [exists] = await tx
    .select({ id: s.documents.id })
    .from(s.documents)
    .where(eq(s.documents.slug, demoUk.UK_DOCUMENT.slug))
    .limit(1);
  if (exists) return false;
  const userId = async (email: string) =>
    (await tx.select({ id: s.users.id }).from(s.users).where(eq(s.users.email, email)).limit(1))[0]?.id;
  const editorId = await userId("editor@claimdesk.test");
  const reviewerId = await userId(demoUk.UK_VERDICT.reviewer);
  if (editorId === undefined || reviewerId === undefined) return false; // not a demo database
  const audit = (entityType: string, entityId: number, after: unknown) =>
    recordAudit(tx, SEED_ACTOR, { action: `${entityType}.create`, entityType, entityId, after });

  const raw = fs.readFileSync(path.join(process.cwd(), "db", "seed-data", demoUk.UK_DOCUMENT.file), "utf8");
  const { date, text: body } = extractDateMarker(toCanonicalText(raw));
  const text = toCanonicalText(body);
  const { file: _file, ...document } = demoUk.UK_DOCUMENT;
  const [doc] = await tx
    .insert(s.documents)
    .values({ ...document, publishedAt: date, createdBy: editorId })
    .returning();
  await tx.insert(s.documentRevisions).values({ documentId: doc!.id, revision: 1, text, createdBy: editorId });
  await audit("document", doc!.id, { title: doc!.title, slug: doc!.slug, revision: 1 });

  const [claimant] = await tx
    .insert(s.claimants)
    .values({ ...demoUk.UK_CLAIMANT, slug: slugify(demoUk.UK_CLAIMANT.name), createdBy: editorId })
    .returning();
  await audit("claimant", claimant!.id, { name: claimant!.name, slug: claimant!.slug });

  const sel = locateQuote(text, demoUk.UK_CLAIM.quote);
  const [claim] = await tx
    .insert(s.claims)
    .values({
      slug: slugify(demoUk.UK_CLAIM.statement),
      documentId: doc!.id,
      revision: 1,
      claimantId: claimant!.id,
      statement: demoUk.UK_CLAIM.statement,
      claimedAt: demoUk.UK_CLAIM.claimedAt,
      quote: sel.exact,
      prefix: sel.prefix,
      suffix: sel.suffix,
      start: sel.start,
      end: sel.end,
      createdBy: editorId,
    })
    .returning();
  await audit("claim", claim!.id, { slug: claim!.slug, statement: claim!.statement, start: sel.start, end: sel.end });

  for (const link of demoUk.UK_EVIDENCE_LINKS) {
    const [evidence] = await tx.select({ id: s.evidence.id }).from(s.evidence).where(eq(s.evidence.url, link.url));
    if (!evidence) continue;
    await tx
      .insert(s.claimEvidence)
      .values({ claimId: claim!.id, evidenceId: evidence.id, stance: link.stance, createdBy: editorId });
  }

  const { stance, ...own } = demoUk.UK_EVIDENCE;
  const [evidence] = await tx
    .insert(s.evidence)
    .values({ ...own, createdBy: editorId })
    .returning();
  await tx
    .insert(s.claimEvidence)
    .values({ claimId: claim!.id, evidenceId: evidence!.id, stance, createdBy: editorId });
  await audit("evidence", evidence!.id, { url: evidence!.url, links: [{ claim: claim!.id, stance }] });

  const [rating] = await tx
    .select({ id: s.ratings.id })
    .from(s.ratings)
    .where(eq(s.ratings.key, demoUk.UK_VERDICT.rating));
  const now = Date.now();
  const [verdict] = await tx
    .insert(s.verdicts)
    .values({
      claimId: claim!.id,
      seq: 1,
      state: "published",
      ratingId: rating?.id ?? null,
      summary: demoUk.UK_VERDICT.summary,
      rationale: demoUk.UK_VERDICT.rationale,
      language: demoUk.UK_VERDICT.language,
      authorId: (await userId(demoUk.UK_VERDICT.author))!,
      reviewerId,
      submittedAt: new Date(now - 2 * DAY),
      publishedAt: new Date(now - DAY / 2),
      evidenceSnapshot: await snapshotEvidence(tx, claim!.id),
    })
    .returning();
  await audit("verdict", verdict!.id, { claimId: claim!.id, state: "published", rating: demoUk.UK_VERDICT.rating });
  return true;
}
