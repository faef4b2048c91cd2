import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { documents, type AnchorStatus } from "@/db/schema";
import {
  anchorInPlace,
  anchorSelectors,
  CodePointIndex,
  codePointLength,
  type AnchorResult,
  type SpanSelectors,
} from "@/lib/anchoring";
import { authorize, type Actor } from "@/lib/auth/actor";
import { readAnnotationFile } from "@/lib/exports/w3c-import";
import { recordAudit } from "@/lib/services/audit";
import { claimantRefInput } from "@/lib/services/claimants/claimant-input";
import { resolveClaimant } from "@/lib/services/claimants/resolve-claimant";
import { insertClaims, type NewClaim } from "@/lib/services/claims/create-claim";
import { fieldIssue, ServiceError } from "@/lib/services/errors";
import { writeTransaction } from "@/lib/services/transaction";
import { idSchema } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";
import { getDocumentText } from "./current-text";
import { issueMessage, joinedText, text as words, type Text } from "@/lib/i18n/text";

export const importAnnotationsInput = z.strictObject({
  documentId: idSchema,
  /** The W3C file as parsed JSON: checked whole by `readAnnotationFile`. */
  annotations: z.unknown().refine((v) => v !== undefined, issueMessage("validation.annotationFile")),
  /** Who made the claims that the file does not attribute (no `identifying` body). */
  claimant: claimantRefInput.optional(),
});

/**
 * How much matching one file may cost (the number of annotations is capped by `MAX_IMPORTED_ANNOTATIONS`). Placing a
 * quote where it stands costs next to nothing; searching the text for it costs a pass over the text, and an
 * approximate search (Myers' algorithm) a pass per 256 characters of quote.
 */
export const IMPORT_MATCHING_LIMITS = {
  /**
   * Characters of text that approximate matching may read for one file, in file order: 250 million is 50 searches of a
   * 5 MB text, 5,000 of a 50 KB article. Once spent, the quotes left are not searched approximately.
   */
  approximateBudget: 250_000_000,
  /** What one approximate search may cost (it runs in one go, without giving the event loop back). */
  approximateSearchMax: 10_000_000,
  /** A quote not in its place that occurs more often than this word for word is not placed by its context. */
  exactPlacesMax: 1_000,
} as const;

/**
 * Why an imported claim is orphaned: `not_found`, searched for and nowhere close enough; `too_common`, not where it
 * says it is and word for word in more than `exactPlacesMax` places; `too_long`, not word for word in the text and too
 * long to search approximately in a text this size; `budget_spent`, not word for word in the text and not searched
 * approximately because the file had spent its approximate-matching budget.
 */
export type OrphanReason = "not_found" | "too_common" | "too_long" | "budget_spent";

export type ImportedClaim = {
  claimId: number;
  slug: string;
  status: AnchorStatus;
  /** Why it is orphaned; null when anchored or fuzzy. */
  reason: OrphanReason | null;
  quote: string;
  statement: string;
  start: number;
  end: number;
};

export type ImportResult = {
  claims: ImportedClaim[];
  counts: Record<AnchorStatus, number>;
  /** The orphaned claims by reason. */
  orphaned: Record<OrphanReason, number>;
  /** What the person importing should know about quotes that were not searched for in full; null when none. */
  /** Why some quotes were left unsearched (English as a string; `in(t)` in a locale), or null. */
  notice: Text | null;
};

/** Where one annotation goes: what `anchorSelectors` found, or why nothing was. */
type Placed = { status: AnchorStatus; selectors: SpanSelectors; reason: OrphanReason | null };

/** Matching gives the event loop back at least every this many annotations and milliseconds. */
const BATCH = { annotations: 200, ms: 20 } as const;
/** Claims inserted by one statement. */
const INSERT_CHUNK = 250;

/**
 * Lets other requests run between batches. A timer rather than `setImmediate`: the event loop then waits a moment for
 * I/O, so that a request's few round trips (a PostgreSQL connection being opened) go through together rather than one
 * per batch.
 */
const giveBackEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 1));

/**
 * Imports a W3C annotation file into a document (contributor+): every annotation is
 * anchored in the current text by `lib/anchoring`'s rules and becomes a claim — `anchored`,
 * `fuzzy` (a person confirms the place) or `orphaned` (re-attached by selection), never
 * moved to a look-alike. The claimant is the one the annotation names (an `identifying`
 * body, found by name or created), else `claimant`. Verdicts, ratings and disputes in the
 * file are not imported: a verdict here is published only through the review workflow.
 * All or nothing: an invalid file, an annotation with no claimant or with nothing to
 * anchor, changes nothing. `target.source` is not compared with the document's address:
 * the person importing chooses the document, and the quotes decide where each claim goes.
 *
 * The file is checked whole first; the quotes are then matched outside any transaction, in batches that give the
 * event loop back (other requests go on), within `IMPORT_MATCHING_LIMITS` — a quote left unsearched becomes an
 * orphaned claim whose `reason` says why, never a dropped one; the claims are then written in one transaction, a few
 * hundred per statement. Should the text change meanwhile, the import is refused (409) and nothing is written.
 */
export async function importAnnotations(actor: Actor | null, raw: unknown): Promise<ImportResult> {
  const caller = await authorize(getDb(), actor, "content:write");
  const input = parseInput(importAnnotationsInput, raw);
  const annotations = readAnnotationFile(input.annotations);
  const unattributed = annotations.flatMap((a, i) => (a.claimantName ? [] : [i]));
  if (unattributed.length > 0 && !input.claimant) {
    throw new ServiceError(
      "validation_failed",
      words("errors.documents.unattributed", { n: unattributed.length, total: annotations.length }),
      [
        fieldIssue(
          "claimant",
          words("validation.claimantForAnnotations", {
            list: `${unattributed.slice(0, 10).join(", ")}${unattributed.length > 10 ? "…" : ""}`,
          }),
        ),
      ],
    );
  }
  await giveBackEventLoop(); // after checking the file, a long piece of work
  const { doc, text } = await getDocumentText(getDb(), input.documentId);
  // A claimant given by id must exist before any matching is done (looking it up writes nothing; a claimant given by
  // name is found or created in the transaction).
  if (input.claimant && "id" in input.claimant) await resolveClaimant(getDb(), caller, input.claimant);
  const index = new CodePointIndex(text);

  const given = annotations.map((a, i): SpanSelectors => {
    const exact =
      a.quote?.exact ??
      (a.position && a.position.end <= index.length ? index.slice(a.position.start, a.position.end) : "");
    if (!exact) {
      // Nothing to anchor or to keep: the whole import is refused.
      throw new ServiceError("validation_failed", words("errors.documents.pastEnd", { i }), [
        fieldIssue(`${i}.target`, words("validation.positionPastEnd", { length: index.length })),
      ]);
    }
    return {
      exact,
      prefix: a.quote?.prefix ?? "",
      suffix: a.quote?.suffix ?? "",
      start: a.position?.start ?? 0,
      end: a.position?.end ?? codePointLength(exact),
    };
  });
  const placed = await placeAll(index, given);

  const result = await writeTransaction(async (tx) => {
    const who = await authorize(tx, actor, "content:write");
    const [current] = await tx.select().from(documents).where(eq(documents.id, doc.id)).limit(1);
    if (!current)
      throw new ServiceError("not_found", words("errors.documents.notFound", { id: doc.id }), [
        fieldIssue("documentId", words("validation.notExists")),
      ]);
    if (current.currentRevision !== doc.currentRevision)
      throw new ServiceError(
        "conflict",
        words("errors.documents.changedWhileMatching", { now: current.currentRevision, matched: doc.currentRevision }),
      );
    const fallbackClaimant = input.claimant ? await resolveClaimant(tx, who, input.claimant) : null;
    const claimants = new Map<string, number>();
    for (const a of annotations) {
      const key = a.claimantName?.toLowerCase();
      if (key === undefined || claimants.has(key)) continue;
      if (claimants.size % 100 === 99) await giveBackEventLoop();
      claimants.set(
        key,
        await resolveClaimant(tx, who, { name: a.claimantName!, description: null, sameAs: null, kind: null }),
      );
    }

    const imported: ImportedClaim[] = [];
    for (let from = 0; from < annotations.length; from += INSERT_CHUNK) {
      if (from > 0) await giveBackEventLoop();
      const chunk = annotations.slice(from, from + INSERT_CHUNK).map((a, k): NewClaim => {
        const { status, selectors } = placed[from + k]!;
        const exact = given[from + k]!.exact;
        return {
          selectors,
          anchorStatus: status,
          claimantId: a.claimantName ? claimants.get(a.claimantName.toLowerCase())! : fallbackClaimant!,
          statement: a.statement ?? (exact.replace(/\s+/g, " ").trim().slice(0, 500) || "(statement to write)"),
          claimedAt: current.publishedAt,
        };
      });
      const rows = await insertClaims(tx, who, current, chunk);
      rows.forEach((row, k) =>
        imported.push({
          claimId: row.id,
          slug: row.slug,
          status: row.anchorStatus,
          reason: placed[from + k]!.reason,
          quote: row.quote,
          statement: row.statement,
          start: row.start,
          end: row.end,
        }),
      );
    }

    const counts = { anchored: 0, fuzzy: 0, orphaned: 0 };
    const orphaned: Record<OrphanReason, number> = { not_found: 0, too_common: 0, too_long: 0, budget_spent: 0 };
    for (const c of imported) {
      counts[c.status]++;
      if (c.reason) orphaned[c.reason]++;
    }
    await recordAudit(tx, who, {
      action: "document.import_annotations",
      entityType: "document",
      entityId: current.id,
      after: { revision: current.currentRevision, ...counts, orphanedBecause: orphaned },
    });
    return { claims: imported, counts, orphaned };
  });
  return { ...result, notice: noticeOf(result.orphaned) };
}

/**
 * Anchors every annotation's selectors in the text, in file order, by `anchorSelectors`' rules within
 * `IMPORT_MATCHING_LIMITS`, giving the event loop back between batches: a 10,000-annotation file in a 5 MB text must
 * not keep the server from answering meanwhile.
 */
async function placeAll(index: CodePointIndex, given: SpanSelectors[]): Promise<Placed[]> {
  const budget = { left: IMPORT_MATCHING_LIMITS.approximateBudget };
  const placed: Placed[] = [];
  let batchStart = performance.now();
  for (const [i, sel] of given.entries()) {
    if (i % BATCH.annotations === 0 || performance.now() - batchStart >= BATCH.ms) {
      await giveBackEventLoop();
      batchStart = performance.now();
    }
    placed.push(place(index, sel, budget));
  }
  return placed;
}

function place(index: CodePointIndex, sel: SpanSelectors, budget: { left: number }): Placed {
  // Anchored: the quote in its place now; fuzzy: the given quote at the place found, until a person confirms it;
  // orphaned: the selectors as given.
  const found = (r: AnchorResult & { status: "anchored" | "fuzzy" }): Placed =>
    r.status === "anchored"
      ? { status: "anchored", selectors: r.selectors, reason: null }
      : { status: "fuzzy", selectors: { ...sel, start: r.start, end: r.end }, reason: null };
  const orphaned = (reason: OrphanReason): Placed => ({ status: "orphaned", selectors: sel, reason });

  const inPlace = anchorInPlace(index, sel);
  if (inPlace?.status === "anchored") return found(inPlace);
  // Each exact place is weighed by its context: a quote found everywhere ("the") would take seconds.
  const places = countPlaces(index.text, sel.exact, IMPORT_MATCHING_LIMITS.exactPlacesMax + 1);
  if (places > IMPORT_MATCHING_LIMITS.exactPlacesMax) return orphaned("too_common");
  if (places > 0) {
    const exact = anchorSelectors(index, sel, { exactOnly: true });
    if (exact.status !== "orphaned") return found(exact);
  }
  const cost = index.text.length * Math.ceil(sel.exact.length / 256);
  if (cost > IMPORT_MATCHING_LIMITS.approximateSearchMax) return orphaned("too_long");
  if (cost > budget.left) {
    budget.left = 0; // spent: the quotes after this one are not searched either, whatever their length
    return orphaned("budget_spent");
  }
  budget.left -= cost;
  const result = anchorSelectors(index, sel);
  return result.status === "orphaned" ? orphaned("not_found") : found(result);
}

/** How many times `quote` occurs in `text` (overlaps included, as `lib/anchoring` counts them), up to `limit`. */
function countPlaces(text: string, quote: string, limit: number): number {
  let n = 0;
  for (let at = text.indexOf(quote); at !== -1 && n < limit; at = text.indexOf(quote, at + 1)) n++;
  return n;
}

function noticeOf(orphaned: Record<OrphanReason, number>): Text | null {
  const { approximateBudget, exactPlacesMax } = IMPORT_MATCHING_LIMITS;
  const parts = [
    orphaned.budget_spent > 0 &&
      words("notices.annotationImport.budgetSpent", { n: orphaned.budget_spent, budget: approximateBudget }),
    orphaned.too_long > 0 && words("notices.annotationImport.tooLong", { n: orphaned.too_long }),
    orphaned.too_common > 0 &&
      words("notices.annotationImport.tooCommon", { n: orphaned.too_common, max: exactPlacesMax }),
  ].filter((part): part is Text => part !== false);
  if (parts.length === 0) return null;
  const total = orphaned.budget_spent + orphaned.too_long + orphaned.too_common;
  return joinedText("notices.annotationImport.summary", parts, {
    total,
    budget: orphaned.budget_spent > 0 ? "true" : "false",
  });
}
