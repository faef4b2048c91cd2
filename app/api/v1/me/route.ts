import { apiRoute, readJsonObject } from "@/lib/api/handler";
import { getOwnAccount } from "@/lib/services/users/get-own-account";
import { setInterfaceLanguage } from "@/lib/services/users/interface-language";

export const GET = apiRoute(async ({ actor }) => ({ user: await getOwnAccount(actor) }));

/**
 * `PATCH /api/v1/me` `{locale}`: the language the caller's desk speaks — a locale of the interface (`en`, `uk`, `ar`)
 * or null for the browser's.
 */
export const PATCH = apiRoute(async ({ req, actor }) => {
  await setInterfaceLanguage(actor, await readJsonObject(req));
  return { user: await getOwnAccount(actor) };
});
