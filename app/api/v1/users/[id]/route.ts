import { apiRoute, readJsonObject } from "@/lib/api/handler";
import { updateUser } from "@/lib/services/users/update-user";

export const PATCH = apiRoute<{ id: string }>(async ({ req, actor, params }) => ({
  user: await updateUser(actor, { ...(await readJsonObject(req)), userId: params.id }),
}));
