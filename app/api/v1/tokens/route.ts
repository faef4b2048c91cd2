import { apiRoute, created, readJson } from "@/lib/api/handler";
import { createApiToken } from "@/lib/services/tokens/create-token";
import { listOwnTokens } from "@/lib/services/tokens/list-tokens";

export const GET = apiRoute(async ({ actor }) => ({ tokens: await listOwnTokens(actor) }));

export const POST = apiRoute(async ({ req, actor }) => created(await createApiToken(actor, await readJson(req))));
