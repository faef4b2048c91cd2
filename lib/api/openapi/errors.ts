import { z } from "zod";
import type { ZodOpenApiResponseObject } from "zod-openapi";
import { ERROR_STATUS, type ErrorCode } from "@/lib/services/errors";

/** The code of an unexpected failure (500), which has no ServiceError of its own. */
const INTERNAL_ERROR = "internal_error";

const fieldIssue = z
  .object({
    path: z.string().meta({ description: "The field, dotted (`accounts.0.label`); `(input)` for the whole body." }),
    message: z.string(),
  })
  .meta({ id: "FieldIssue", description: "One problem with one field of the request." });

/** `{error: {code, message, issues?}}`: every refusal and failure of the API. */
export const errorBody = z
  .object({
    error: z.object({
      code: z.enum([...(Object.keys(ERROR_STATUS) as ErrorCode[]), INTERNAL_ERROR]),
      message: z.string().meta({
        description: "What went wrong, in English or in the interface language `Accept-Language` prefers.",
      }),
      issues: z.array(fieldIssue).optional().meta({ description: "Each bad field, for `validation_failed`." }),
    }),
  })
  .meta({
    id: "Error",
    description: "The JSON error shape; `code` matches the status (see the error responses).",
    example: {
      error: {
        code: "validation_failed",
        message: "Invalid input — statement: is required",
        issues: [{ path: "statement", message: "is required" }],
      },
    },
  });

type ErrorResponse = { name: string; code: string; description: string; headers?: ZodOpenApiResponseObject["headers"] };

/** What each status of the error shape means (ERROR_STATUS), named as a response component. */
const ERROR_RESPONSES: Record<number, ErrorResponse> = {
  [ERROR_STATUS.bad_request]: {
    name: "BadRequest",
    code: "bad_request",
    description: "Malformed JSON, a body that is not JSON, or a value the database cannot store.",
  },
  [ERROR_STATUS.unauthenticated]: {
    name: "Unauthenticated",
    code: "unauthenticated",
    description: "No credentials where they are needed, or a token that is unknown, revoked, expired or disabled.",
    headers: z.object({ "WWW-Authenticate": z.literal('Bearer realm="claimdesk"') }),
  },
  [ERROR_STATUS.forbidden]: {
    name: "Forbidden",
    code: "forbidden",
    description:
      "The caller's role does not allow it, a `read` token asked for anything but GET, " +
      "or a cookie-authenticated write came from another site.",
  },
  [ERROR_STATUS.not_found]: { name: "NotFound", code: "not_found", description: "No such record (or route)." },
  [ERROR_STATUS.conflict]: {
    name: "Conflict",
    code: "conflict",
    description: "A stale `version`, a duplicate, or a state that does not allow the change (said in `message`).",
  },
  [ERROR_STATUS.payload_too_large]: {
    name: "PayloadTooLarge",
    code: "payload_too_large",
    description: "The body is larger than the route takes (6 MB of JSON unless the operation says otherwise).",
  },
  [ERROR_STATUS.validation_failed]: {
    name: "ValidationFailed",
    code: "validation_failed",
    description: "Invalid fields: `issues` names each.",
  },
  [ERROR_STATUS.rate_limited]: {
    name: "RateLimited",
    code: "rate_limited",
    description: "Too many requests: try again after `Retry-After` seconds.",
    headers: z.object({ "Retry-After": z.string().meta({ description: "Seconds to wait." }) }),
  },
  500: { name: "InternalError", code: INTERNAL_ERROR, description: "An unexpected failure (no details are given)." },
};

/** The statuses of the error shape, each documented once as a response component. */
export const ERROR_STATUSES = Object.keys(ERROR_RESPONSES).map(Number);

/** The component name of the error response for `status`. */
export function errorResponseName(status: number): string {
  const response = ERROR_RESPONSES[status];
  if (!response) throw new Error(`No error response for status ${status}.`);
  return response.name;
}

/** `components.responses`: one error response per status, and `Error` for any of them. */
export function errorResponseComponents(): Record<string, ZodOpenApiResponseObject> {
  const byStatus = Object.values(ERROR_RESPONSES).map(({ name, code, description, headers }) => [
    name,
    {
      description,
      ...(headers ? { headers } : {}),
      content: {
        "application/json": { schema: errorBody, example: { error: { code, message: exampleMessage(code) } } },
      },
    },
  ]);
  const any = {
    description: "Any refusal or failure, in the error shape (a status of the error responses).",
    content: { "application/json": { schema: errorBody } },
  };
  return Object.fromEntries([...byStatus, ["Error", any]]);
}

const exampleMessage = (code: string) =>
  ({
    bad_request: "The request body is not valid JSON.",
    unauthenticated: "Sign in or send an API token to do this.",
    forbidden: "This token is read-only (scope read): it may make GET requests only, not POST.",
    not_found: "No claim 42.",
    conflict: "This claim was changed (now version 3, yours was 2). Reload to see the change; your input is kept.",
    payload_too_large: "The JSON body is larger than 6 MB.",
    validation_failed: "Invalid input — statement: is required",
    rate_limited: "Too many anonymous export requests from your address: try again in 42 seconds.",
  })[code] ?? "Something went wrong on the server.";
