import { z } from "zod";
import type {
  ZodOpenApiOperationObject,
  ZodOpenApiPathsObject,
  ZodOpenApiResponseObject,
  ZodOpenApiResponsesObject,
} from "zod-openapi";
import { errorResponseName } from "./errors";

export type Method = "get" | "post" | "put" | "patch" | "delete" | "options";

/**
 * Who may call an operation: `open` (no credentials are read), `anyone` (anonymously too; a signed-in caller may get
 * more), a `signed-in` account (an API token or the session cookie; its role is checked by the service), or a
 * signed-in `session` only (a token is refused).
 */
export type Access = "open" | "anyone" | "signed-in" | "session";

/** One operation of the API: a route's method, with what it takes and answers. */
export type Operation = {
  method: Method;
  /** The path as OpenAPI templates it: `/api/v1/claims/{id}` for `app/api/v1/claims/[id]`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  access: Access;
  /** Path parameters that are not plain strings (an enum), or that need saying; the rest are strings. */
  params?: Record<string, z.ZodType>;
  query?: z.ZodObject;
  /** The JSON body (see `requestBody`), with an example; `alternatives`: the body in other media types. */
  body?: { schema: z.ZodType; example?: unknown; description?: string; alternatives?: Record<string, z.ZodType> };
  responses: Record<number, ZodOpenApiResponseObject>;
  /** Error statuses to document besides those the operation's kind implies (see `impliedErrors`). */
  errors?: number[];
};

/** Security requirements by access: alternatives, `{}` being anonymous. */
const SECURITY: Record<Access, Record<string, string[]>[]> = {
  open: [],
  anyone: [{}, { bearerToken: [] }, { sessionCookie: [] }],
  "signed-in": [{ bearerToken: [] }, { sessionCookie: [] }],
  session: [{ sessionCookie: [] }],
};

/** A JSON response. */
export function json(
  description: string,
  schema: z.ZodType,
  { example, contentType = "application/json" }: { example?: unknown; contentType?: string } = {},
): ZodOpenApiResponseObject {
  return { description, content: { [contentType]: { schema, ...(example === undefined ? {} : { example }) } } };
}

/** A response without a body (204, 304). */
export function noBody(description: string, headers?: ZodOpenApiResponseObject["headers"]): ZodOpenApiResponseObject {
  return { description, ...(headers ? { headers } : {}) };
}

const pathParamNames = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
const WRITES: ReadonlySet<Method> = new Set(["post", "put", "patch", "delete"]);

/**
 * The error statuses an operation can answer by its kind, documented on it: 401 (credentials that do not verify, on
 * any route that reads them), 403 unless anyone may call it, 404 with a path parameter, 409 for a write, 400/413/422
 * with a body, 422 with query parameters. Any other status of the error shape is the `default` response.
 */
function impliedErrors(op: Operation): number[] {
  const statuses = new Set(op.errors ?? []);
  if (op.access !== "open") {
    statuses.add(401);
    if (op.access !== "anyone") statuses.add(403);
    if (pathParamNames(op.path).length > 0) statuses.add(404);
    if (WRITES.has(op.method)) statuses.add(409);
    if (op.body) [400, 413, 422].forEach((s) => statuses.add(s));
    if (op.query) statuses.add(422);
  }
  return [...statuses].filter((s) => !(s in op.responses)).sort((a, b) => a - b);
}

const ref = (name: string) => ({ $ref: `#/components/responses/${name}` });

function toOperationObject(op: Operation): ZodOpenApiOperationObject {
  const names = pathParamNames(op.path);
  const path = names.length
    ? z.object(Object.fromEntries(names.map((name) => [name, op.params?.[name] ?? z.string()])))
    : undefined;
  const responses: ZodOpenApiResponsesObject = {};
  for (const [status, response] of Object.entries(op.responses)) responses[status as `2${string}`] = response;
  for (const status of impliedErrors(op)) responses[String(status) as `4${string}`] = ref(errorResponseName(status));
  responses.default = ref("Error");
  return {
    operationId: op.operationId,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    tags: [op.tag],
    security: SECURITY[op.access],
    ...(path || op.query
      ? { requestParams: { ...(path ? { path } : {}), ...(op.query ? { query: op.query } : {}) } }
      : {}),
    ...(op.body
      ? {
          requestBody: {
            required: true,
            ...(op.body.description ? { description: op.body.description } : {}),
            content: {
              "application/json": {
                schema: op.body.schema,
                ...(op.body.example === undefined ? {} : { example: op.body.example }),
              },
              ...Object.fromEntries(
                Object.entries(op.body.alternatives ?? {}).map(([type, schema]) => [type, { schema }]),
              ),
            },
          },
        }
      : {}),
    responses,
  };
}

/** The `paths` of the document: each operation under its path and method (a path and method described twice throws). */
export function toPaths(operations: readonly Operation[]): ZodOpenApiPathsObject {
  const paths: ZodOpenApiPathsObject = {};
  for (const op of operations) {
    const item = (paths[op.path] ??= {});
    if (item[op.method]) throw new Error(`${op.method.toUpperCase()} ${op.path} is described twice.`);
    item[op.method] = toOperationObject(op);
  }
  return paths;
}
