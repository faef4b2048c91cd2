import { NextRequest } from "next/server";
import { errorResponse, readBody } from "@/lib/api/handler";
import { handlers, signInThrottle } from "@/lib/auth";
import { throttledMessage } from "@/lib/services/auth/authenticate";
import { ServiceError } from "@/lib/services/errors";

/** A sign-in or sign-out form is a few hundred bytes; Auth.js reads whatever it is sent whole, so this counts first. */
const AUTH_BODY_LIMIT = 16 * 1024;

export const GET = handlers.GET;

/**
 * Auth.js's POST, with the body read here first, counted while it streams and cut off at 16 KB (413), so that an
 * anonymous request cannot make the server hold an unbounded body in memory before any check. A throttled sign-in is
 * answered 429 with Retry-After (Auth.js would redirect to the sign-in page with `code=throttled`).
 */
export async function POST(req: NextRequest): Promise<Response> {
  let body: Uint8Array<ArrayBuffer>;
  try {
    body = await readBody(
      req,
      AUTH_BODY_LIMIT,
      () => new ServiceError("payload_too_large", "The sign-in request is larger than 16 KB."),
    );
  } catch (e) {
    return errorResponse(e);
  }
  const throttle: { retryAfterSeconds?: number } = {};
  const res = await signInThrottle.run(throttle, () =>
    handlers.POST(new NextRequest(req.url, { method: req.method, headers: req.headers, body })),
  );
  if (throttle.retryAfterSeconds === undefined) return res;
  return errorResponse(
    ServiceError.rateLimited(throttledMessage(throttle.retryAfterSeconds), throttle.retryAfterSeconds),
  );
}
