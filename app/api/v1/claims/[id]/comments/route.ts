import { apiRoute, created, readJsonObject } from "@/lib/api/handler";
import { addComment } from "@/lib/services/verdicts/add-comment";

/** `{body}`: an internal comment on the claim. */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) =>
  created({ comment: await addComment(actor, { ...(await readJsonObject(req)), claimId: params.id }) }),
);
