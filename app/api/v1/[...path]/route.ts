import { ServiceError } from "@/lib/services/errors";
import { errorResponse } from "@/lib/api/handler";

/** Any path under /api/v1 that no route serves: a 404 in the JSON error shape, not an HTML page. */
function notFound(req: Request): Response {
  return errorResponse(new ServiceError("not_found", `No API route ${req.method} ${new URL(req.url).pathname}.`));
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
