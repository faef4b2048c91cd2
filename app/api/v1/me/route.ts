import { apiRoute } from "@/lib/api/handler";
import { getOwnAccount } from "@/lib/services/users/get-own-account";

export const GET = apiRoute(async ({ actor }) => ({ user: await getOwnAccount(actor) }));
