import { apiRoute } from "@/lib/api/handler";
import { revokeApiToken } from "@/lib/services/tokens/revoke-token";

export const DELETE = apiRoute<{ id: string }>(({ actor, params }) => ({
  token: revokeApiToken(actor, { tokenId: params.id }),
}));
