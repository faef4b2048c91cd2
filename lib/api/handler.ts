import { errorCode } from "@/db/errors";
import { failureInLocale } from "@/lib/i18n/localize-error";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { localeFromAcceptLanguage } from "@/lib/i18n/public-path";
import type { Actor } from "@/lib/auth/actor";
import { text } from "@/lib/i18n/text";
import { fieldIssue, ServiceError } from "@/lib/services/errors";
import { getRequestActor, SAFE_METHODS } from "./request-actor";

type Context<P> = { req: Request; actor: Actor | null; params: P };
type RouteContext<P> = { params: Promise<P> };

/**
 * Wraps an `/api/v1` route handler: resolves the caller, runs the handler, and turns any
 * failure into the JSON error shape. Unexpected errors answer 500 without details.
 */
export function apiRoute<P = Record<string, string>>(handler: (ctx: Context<P>) => Promise<unknown> | unknown) {
  return async (req: Request, route: RouteContext<P>): Promise<Response> => {
    try {
      const actor = await getRequestActor(req);
      // Every write needs a caller: refuse before reading the body.
      if (!actor && !SAFE_METHODS.has(req.method)) {
        throw new ServiceError("unauthenticated", text("errors.api.unauthenticated"));
      }
      const params = (await route?.params) ?? ({} as P);
      const result = await handler({ req, actor, params });
      return result instanceof Response ? result : Response.json(result);
    } catch (e) {
      return errorResponseFor(e, req);
    }
  };
}

/**
 * The JSON error response for a thrown error, in the language the request's `Accept-Language` prefers among the
 * interface's (English unless it asks for another: programs and their logs read English).
 */
export async function errorResponseFor(e: unknown, req: Request): Promise<Response> {
  const locale = localeFromAcceptLanguage(req.headers.get("accept-language"));
  if (!(e instanceof ServiceError) || locale === DEFAULT_LOCALE) return errorResponse(e);
  const { message, issues } = await failureInLocale(e, locale);
  const response = errorResponse(e);
  const body = { error: { code: e.code, message, ...(e.issues ? { issues } : {}) } };
  return Response.json(body, { status: response.status, headers: response.headers });
}

/** The JSON error response for a thrown error (in English). */
export function errorResponse(e: unknown): Response {
  // A value the database cannot take (PostgreSQL's data exceptions, class 22: out of range, bad encoding…) that got
  // past validation is the request's fault, not the server's.
  if (errorCode(e)?.startsWith("22")) {
    return errorResponse(new ServiceError("bad_request", text("errors.api.unstorable")));
  }
  if (e instanceof ServiceError) {
    const headers: Record<string, string> = {};
    if (e.code === "unauthenticated") headers["WWW-Authenticate"] = 'Bearer realm="claimdesk"';
    if (e.retryAfterSeconds !== undefined) headers["Retry-After"] = String(e.retryAfterSeconds);
    return Response.json(e.toJSON(), { status: e.status, headers });
  }
  console.error(e);
  return Response.json(
    { error: { code: "internal_error", message: String(text("errors.api.internal")) } },
    { status: 500 },
  );
}

const MB = 1024 * 1024;
/** JSON bodies up to 6 MB: a 5 MB article plus its metadata. */
const MAX_JSON_BYTES = 6 * MB;
const tooLarge = (maxBytes: number) => () =>
  new ServiceError("payload_too_large", text("errors.api.tooLarge", { mb: maxBytes / MB }));

/**
 * Reads a JSON request body; malformed or oversized JSON is a 400/413 naming the problem. `maxBytes` is 6 MB unless a
 * route that needs more says so (it is counted while the body streams, as `readBody` does).
 */
export async function readJson(req: Request, maxBytes = MAX_JSON_BYTES): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  if (!type && (req.headers.get("content-length") ?? "0") === "0") return {}; // no body at all
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new ServiceError("bad_request", text("errors.api.notJsonType"));
  }
  const body = new TextDecoder().decode(await readBody(req, maxBytes, tooLarge(maxBytes)));
  try {
    return JSON.parse(body);
  } catch {
    throw new ServiceError("bad_request", text("errors.api.badJson"));
  }
}

/**
 * Reads a request body of at most `maxBytes`, counting the bytes as they stream in: a larger body, declared
 * (Content-Length) or sent chunked, is refused with `tooLarge()` as soon as the count passes the limit, and the rest
 * of it is cancelled, never read. Memory grows by the limit at most.
 */
export async function readBody(
  req: Request,
  maxBytes: number,
  tooLarge: () => ServiceError,
): Promise<Uint8Array<ArrayBuffer>> {
  if (Number(req.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge();
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let next: ReadableStreamReadResult<Uint8Array>;
    try {
      next = await reader.read();
    } catch {
      throw new ServiceError("bad_request", text("errors.api.unreadable"));
    }
    if (next.done) break;
    total += next.value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(next.value);
  }
  return Buffer.concat(chunks);
}

/** A 201 Created JSON response. */
export function created(body: unknown): Response {
  return Response.json(body, { status: 201 });
}

/** Reads a JSON body that must be an object (422 otherwise), to merge path parameters into. */
export async function readJsonObject(req: Request): Promise<Record<string, unknown>> {
  const body = await readJson(req);
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new ServiceError("validation_failed", text("errors.api.notObject"), [
      fieldIssue("(input)", text("validation.object")),
    ]);
  }
  return body as Record<string, unknown>;
}
