import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { getClaimForEditor } from "@/db/queries/claim-editor";
import { getPublicClaim } from "@/db/queries/public/claim";
import { claims } from "@/db/schema";
import { pagesOfClaims, revalidateClaimPages } from "@/app/_lib/revalidate-public";
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
export const GET = apiRoute<{ id: string }>(({ req, actor, params }) => {
  const byId = /^\d+$/.test(params.id);
  if (actor) {
    assertCanReadInternal(actor);
    const id = byId
      ? Number(params.id)
      : getDb().select({ id: claims.id }).from(claims).where(eq(claims.slug, params.id)).get()?.id;
    const claim = found(id ? getClaimForEditor(id) : null, `claim ${params.id}`);
    return Response.json({ claim }, { headers: { "Cache-Control": "private, no-store" } });
  }
  const slug = byId
    ? getDb()
        .select({ slug: claims.slug })
        .from(claims)
        .where(eq(claims.id, Number(params.id)))
        .get()?.slug
    : params.id;
  const claim = found(slug ? getPublicClaim(slug) : null, `published claim ${params.id}`);
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
  const before = /^\d+$/.test(params.id) ? pagesOfClaims([Number(params.id)]) : [];
  const claim = updateClaim(actor, { ...(await readJsonObject(req)), claimId: params.id });
  revalidateClaimPages(claim.id, before);
  return { claim };
});

export const DELETE = apiRoute<{ id: string }>(({ req, actor, params }) => {
  const version = new URL(req.url).searchParams.get("version");
  deleteClaim(actor, { claimId: params.id, ...(version ? { version: Number(version) } : {}) });
  return new Response(null, { status: 204 });
});
