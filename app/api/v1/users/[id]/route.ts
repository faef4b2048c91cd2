import { apiRoute, readJson } from "@/lib/api/handler";
import { ServiceError } from "@/lib/services/errors";
import { updateUser } from "@/lib/services/users/update-user";

export const PATCH = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const body = await readJson(req);
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new ServiceError("validation_failed", "Send a JSON object.", [{ path: "(input)", message: "must be an object" }]);
  }
  return { user: updateUser(actor, { ...body, userId: params.id }) };
});
