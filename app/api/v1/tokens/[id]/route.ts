import { apiRoute } from "@/lib/api/handler";
import { revokeApiToken } from "@/lib/services/tokens/revoke-token";

export const DELETE = apiRoute<{ id: string }>(async ({ actor, params }) => ({
  token: await revokeApiToken(actor, { tokenId: params.id }),
}));
