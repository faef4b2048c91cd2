import { z } from "zod";
import type { AnchorStatus } from "@/db/schema";
import { anchorSelectors, CodePointIndex, codePointLength, type SpanSelectors } from "@/lib/anchoring";
import { authorize, type Actor } from "@/lib/auth/actor";
import { readAnnotationFile } from "@/lib/exports/w3c-import";
import { recordAudit } from "@/lib/services/audit";
import { claimantRefInput } from "@/lib/services/claimants/claimant-input";
import { resolveClaimant } from "@/lib/services/claimants/resolve-claimant";
import { insertClaim } from "@/lib/services/claims/create-claim";
import { ServiceError } from "@/lib/services/errors";
import { writeTransaction } from "@/lib/services/transaction";
import { idSchema } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";
import { getDocumentText } from "./current-text";

export const importAnnotationsInput = z.strictObject({
  documentId: idSchema,
  /** The W3C file as parsed JSON: checked whole by `readAnnotationFile`. */
  annotations: z.unknown().refine((v) => v !== undefined, "is required: the W3C annotation file"),
  /** Who made the claims that the file does not attribute (no `identifying` body). */
  claimant: claimantRefInput.optional(),
});

export type ImportedClaim = {
  claimId: number;
  slug: string;
  status: AnchorStatus;
  quote: string;
  statement: string;
  start: number;
  end: number;
};

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
 */
export async function importAnnotations(
  actor: Actor | null,
  raw: unknown,
): Promise<{ claims: ImportedClaim[]; counts: Record<AnchorStatus, number> }> {
  return writeTransaction(async (tx) => {
    const who = await authorize(tx, actor, "content:write");
    const input = parseInput(importAnnotationsInput, raw);
    const annotations = readAnnotationFile(input.annotations);
    const unattributed = annotations.flatMap((a, i) => (a.claimantName ? [] : [i]));
    if (unattributed.length > 0 && !input.claimant) {
      throw new ServiceError(
        "validation_failed",
        `${unattributed.length} of ${annotations.length} annotations name no claimant: choose who made those claims.`,
        [
          {
            path: "claimant",
            message: `is required for annotations ${unattributed.slice(0, 10).join(", ")}${unattributed.length > 10 ? "…" : ""}`,
          },
        ],
      );
    }
    const { doc, text } = await getDocumentText(tx, input.documentId);
    const index = new CodePointIndex(text);
    const fallbackClaimant = input.claimant ? await resolveClaimant(tx, who, input.claimant) : null;
    const claimants = new Map<string, number>();

    const imported: ImportedClaim[] = [];
    for (const [i, a] of annotations.entries()) {
      const exact =
        a.quote?.exact ??
        (a.position && a.position.end <= index.length ? index.slice(a.position.start, a.position.end) : "");
      if (!exact) {
        // Nothing to anchor or to keep: the whole import is refused (the transaction rolls back).
        throw new ServiceError(
          "validation_failed",
          `Annotation ${i} points past the end of the text and gives no quote.`,
          [
            {
              path: `${i}.target`,
              message: `its TextPositionSelector ends after the text (${index.length} characters) and it has no TextQuoteSelector`,
            },
          ],
        );
      }
      const given: SpanSelectors = {
        exact,
        prefix: a.quote?.prefix ?? "",
        suffix: a.quote?.suffix ?? "",
        start: a.position?.start ?? 0,
        end: a.position?.end ?? codePointLength(exact),
      };
      const result = anchorSelectors(index, given);
      // Anchored: the quote in its place now; fuzzy: the given quote at the place found, until
      // a person confirms it; orphaned: the selectors as given.
      const selectors =
        result.status === "anchored"
          ? result.selectors
          : result.status === "fuzzy"
            ? { ...given, start: result.start, end: result.end }
            : given;
      const claimantId = a.claimantName
        ? (claimants.get(a.claimantName.toLowerCase()) ??
          (await resolveClaimant(tx, who, { name: a.claimantName, description: null, sameAs: null, kind: null })))
        : fallbackClaimant!;
      if (a.claimantName) claimants.set(a.claimantName.toLowerCase(), claimantId);
      const statement = a.statement ?? (exact.replace(/\s+/g, " ").trim().slice(0, 500) || "(statement to write)");
      const row = await insertClaim(tx, who, doc, {
        selectors,
        anchorStatus: result.status,
        claimantId,
        statement,
        claimedAt: doc.publishedAt,
      });
      imported.push({
        claimId: row.id,
        slug: row.slug,
        status: row.anchorStatus,
        quote: row.quote,
        statement: row.statement,
        start: row.start,
        end: row.end,
      });
    }

    const counts = { anchored: 0, fuzzy: 0, orphaned: 0 };
    for (const c of imported) counts[c.status]++;
    await recordAudit(tx, who, {
      action: "document.import_annotations",
      entityType: "document",
      entityId: doc.id,
      after: { revision: doc.currentRevision, ...counts },
    });
    return { claims: imported, counts };
  });
}
