import { apiRoute, readJsonObject } from "@/lib/api/handler";
import { linkRepeat, unlinkRepeat } from "@/lib/services/claims/repeats";

/**
 * `POST /api/v1/claims/{id}/repeat-of` `{of, version?}`: links the claim as a repeat of claim `of` — one more
 * appearance of it, sharing its verdict. Readers see it once a second editor publishes that verdict's next version.
 */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const claim = await linkRepeat(actor, { ...(await readJsonObject(req)), claimId: params.id });
  return { claim };
});

/**
 * `DELETE /api/v1/claims/{id}/repeat-of?version=&of=`: makes a repeat a claim of its own again. `of`: the claim it
 * repeats as the caller saw it (if it was linked elsewhere since, nothing changes: 409).
 */
export const DELETE = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const query = new URL(req.url).searchParams;
  const version = query.get("version");
  const of = query.get("of");
  const claim = await unlinkRepeat(actor, {
    claimId: params.id,
    ...(version ? { version: Number(version) } : {}),
    ...(of ? { of } : {}),
  });
  return { claim };
});
