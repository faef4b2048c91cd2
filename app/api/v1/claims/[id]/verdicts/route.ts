import { apiRoute, created, readJsonObject } from "@/lib/api/handler";
import { createVerdict } from "@/lib/services/verdicts/create-verdict";

/** `{rating?, summary?, rationale?}` → a draft verdict `201 {id, version, seq}`. */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) =>
  created(await createVerdict(actor, { ...(await readJsonObject(req)), claimId: params.id })),
);
