import { eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { disputeAccounts, disputes, ratings, verdicts, type RatingTranslations, type VerdictState } from "@/db/schema";

/** Where a claim's verdict stands: its newest version's state, and the rating now published if any. */
export type VerdictStatus = {
  state: VerdictState | null;
  published: { label: string; colour: string; translations: RatingTranslations | null } | null;
};

/** The verdict status of each claim (claims without a verdict are absent). */
export async function getVerdictStatuses(claimIds: number[]): Promise<Map<number, VerdictStatus>> {
  const out = new Map<number, VerdictStatus & { seq: number }>();
  if (claimIds.length === 0) return out;
  const rows = await getDb()
    .select({
      claimId: verdicts.claimId,
      seq: verdicts.seq,
      state: verdicts.state,
      label: ratings.label,
      colour: ratings.colour,
      translations: ratings.translations,
    })
    .from(verdicts)
    .leftJoin(ratings, eq(ratings.id, verdicts.ratingId))
    .where(inArray(verdicts.claimId, claimIds));
  for (const r of rows) {
    const cur = out.get(r.claimId) ?? { state: null, published: null, seq: 0 };
    if (r.seq > cur.seq) Object.assign(cur, { state: r.state, seq: r.seq });
    if (r.state === "published" && r.label)
      cur.published = { label: r.label, colour: r.colour ?? "#57606a", translations: r.translations };
    out.set(r.claimId, cur);
  }
  return out;
}

export type ClaimDispute = { id: number; slug: string; question: string; label: string };

/** The disputes each claim is an account in. */
export async function getClaimDisputes(claimIds: number[]): Promise<Map<number, ClaimDispute[]>> {
  const out = new Map<number, ClaimDispute[]>();
  if (claimIds.length === 0) return out;
  const rows = await getDb()
    .select({
      claimId: disputeAccounts.claimId,
      id: disputes.id,
      slug: disputes.slug,
      question: disputes.question,
      label: disputeAccounts.label,
    })
    .from(disputeAccounts)
    .innerJoin(disputes, eq(disputes.id, disputeAccounts.disputeId))
    .where(inArray(disputeAccounts.claimId, claimIds));
  for (const { claimId, ...d } of rows) out.set(claimId, [...(out.get(claimId) ?? []), d]);
  return out;
}
