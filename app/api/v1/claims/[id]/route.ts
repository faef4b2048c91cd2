import { getClaimForEditor } from "@/db/queries/claim-editor";
import { findClaimRef } from "@/db/queries/claim-refs";
import { getPublicClaim } from "@/db/queries/public/claim";
import { apiRoute, readJsonObject } from "@/lib/api/handler";
import { corsPreflight, publicJson } from "@/lib/api/public-response";
import { assertCanReadInternal, found } from "@/lib/api/read-access";
import { deleteClaim } from "@/lib/services/claims/delete-claim";
import { updateClaim } from "@/lib/services/claims/update-claim";

/**
 * `GET /api/v1/claims/{idOrSlug}`: anonymous callers get the published claim (verdict,
 * evidence as published, corrections); signed-in callers get the working record with every
 * verdict version, evidence, comments and timeline.
 */
export const GET = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  if (actor) await assertCanReadInternal(actor);
  const ref = await findClaimRef(params.id);
  if (actor) {
    const record = found(ref ? await getClaimForEditor(ref.id) : null, `claim ${params.id}`);
    // The wire format stays as published: each version's rating in flat fields.
    const versions = record.versions.map(({ rating, ...v }) => ({
      ...v,
      ratingKey: rating?.key ?? null,
      ratingLabel: rating?.label ?? null,
      ratingColour: rating?.colour ?? null,
    }));
    return Response.json({ claim: { ...record, versions } }, { headers: { "Cache-Control": "private, no-store" } });
  }
  const claim = found(ref ? await getPublicClaim(ref.slug) : null, `published claim ${params.id}`);
  const { id: _id, ...publicRecord } = claim;
  // A retracted fact-check keeps only its statement and the notice public.
  const body = claim.verdict
    ? publicRecord
    : {
        slug: claim.slug,
        statement: claim.statement,
        verdict: null,
        retraction: claim.retraction,
        corrections: claim.corrections,
      };
  return publicJson(req, { claim: body });
});

export const OPTIONS = corsPreflight;

export const PATCH = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const claim = await updateClaim(actor, { ...(await readJsonObject(req)), claimId: params.id });
  return { claim };
});

export const DELETE = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const version = new URL(req.url).searchParams.get("version");
  await deleteClaim(actor, { claimId: params.id, ...(version ? { version: Number(version) } : {}) });
  return new Response(null, { status: 204 });
});
