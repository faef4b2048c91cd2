import { apiRoute } from "@/lib/api/handler";
import { getOwnAccount } from "@/lib/services/users/get-own-account";

export const GET = apiRoute(({ actor }) => ({ user: getOwnAccount(actor) }));
