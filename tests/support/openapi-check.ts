import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { getOpenApiDocument, type OpenApiDocument } from "@/lib/api/openapi/document";
import { ERROR_STATUSES } from "@/lib/api/openapi/errors";

/** A response as a test received it. */
export type ReceivedResponse = { status: number; headers: Headers; text: string };

type MediaType = { schema?: unknown };
type ResponseObject = { description: string; content?: Record<string, MediaType>; $ref?: string };
type OperationObject = { operationId: string; responses: Record<string, ResponseObject> };

/** The document responses are checked against, and Ajv compiling its schemas with their `$ref`s into components. */
type Checker = { doc: OpenApiDocument; ajv: Ajv2020; templates: { path: string; pattern: RegExp; params: number }[] };

let checker: Checker | undefined;

function getChecker(): Checker {
  if (checker) return checker;
  const doc = getOpenApiDocument();
  // OpenAPI 3.1 schemas are JSON Schema 2020-12 with a few keywords of OpenAPI's own, which Ajv is told to accept.
  const ajv = new Ajv2020({ strict: true, strictTypes: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat("binary", true);
  ajv.addVocabulary(["example", "discriminator", "xml", "externalDocs"]);
  // The whole document, so that a schema's `#/components/schemas/…` resolves as it does for any reader of it.
  ajv.addVocabulary(["openapi", "info", "servers", "paths", "webhooks", "components", "tags", "security"]);
  ajv.addSchema(doc, DOCUMENT_ID);
  const templates = Object.keys(doc.paths ?? {}).map((path) => ({
    path,
    pattern: new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{\w+\\?\}/g, "[^/]+")}$`),
    params: (path.match(/\{/g) ?? []).length,
  }));
  // Like the router: a path with fewer parameters (`/rating-scale/order`) wins over one that has more (`/{id}`).
  templates.sort((a, b) => a.params - b.params);
  return (checker = { doc, ajv, templates });
}

const DOCUMENT_ID = "claimdesk-openapi.json";
/** A JSON pointer (without its leading `/`) of the parts, each escaped. */
export const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");
const validators = new Map<string, ValidateFunction>();

/** The schema at `location` in the document, compiled once. */
function validatorAt(ajv: Ajv2020, location: string): ValidateFunction {
  let validate = validators.get(location);
  if (!validate) validators.set(location, (validate = ajv.compile({ $ref: `${DOCUMENT_ID}#/${location}` })));
  return validate;
}

/** Validates `value` against the schema at a JSON pointer of the document: the problems, or null when it is valid. */
export function problemsAt(location: string, value: unknown): string | null {
  const { ajv } = getChecker();
  const validate = validatorAt(ajv, location);
  return validate(value) ? null : ajv.errorsText(validate.errors, { dataVar: "value", separator: "; " });
}

/** The media type's essence and parameters, lower-cased: `text/csv; charset=utf-8` → `text/csv`, {charset: utf-8}. */
function parseMediaType(value: string): { essence: string; params: Map<string, string> } {
  const [essence = "", ...rest] = value.split(";").map((part) => part.trim());
  const params = new Map(
    rest.map((p) => {
      const [key = "", ...v] = p.split("=");
      return [key.trim().toLowerCase(), v.join("=").trim().replace(/^"|"$/g, "")] as const;
    }),
  );
  return { essence: essence.toLowerCase(), params };
}

/** The documented media type a response's Content-Type is: same essence, with every parameter the document names. */
function documentedType(documented: string[], received: string): string | undefined {
  const got = parseMediaType(received);
  return documented.find((type) => {
    const want = parseMediaType(type);
    return want.essence === got.essence && [...want.params].every(([k, v]) => got.params.get(k) === v);
  });
}

const isJson = (type: string) => /^application\/([\w.+-]+\+)?json$/.test(parseMediaType(type).essence);

/**
 * Checks a response against the OpenAPI document: the operation is found by method and by the path matched against
 * the document's path templates; its status must be documented for the operation, or be a status of the error shape
 * (the operation's `default` response); a JSON body must validate against the documented schema, any other body must
 * come with a documented content type, and a response documented without content must have no body. Throws an Error
 * naming the operation, the status and what is wrong.
 */
export function checkResponse(method: string, url: string, res: ReceivedResponse): void {
  const { doc: document, ajv, templates } = getChecker();
  const path = new URL(url, "http://localhost").pathname;
  const template = templates.find((t) => t.pattern.test(path));
  const verb = method.toUpperCase() === "HEAD" ? "get" : method.toLowerCase();
  const pathItem = template && (document.paths?.[template.path] as Record<string, OperationObject> | undefined);
  const operation = pathItem?.[verb];
  if (!template || !operation) {
    // Any other address under /api/v1 is the catch-all's 404, in the error shape.
    if (res.status === 404 && path.startsWith("/api/v1/")) return checkBody(ajv, "NOT FOUND", res, errorLocation());
    throw new Error(`The OpenAPI document describes no operation ${method} ${path} (answered ${res.status}).`);
  }
  const name = `${method} ${template.path} (${operation.operationId})`;
  const documented = operation.responses[String(res.status)];
  const generic = ERROR_STATUSES.includes(res.status) ? operation.responses.default : undefined;
  const response = documented ?? generic;
  if (!response) {
    const statuses = Object.keys(operation.responses).join(", ");
    throw new Error(`${name} answered ${res.status}, which the document does not give (it gives ${statuses}).`);
  }
  const location = documented
    ? responseLocation(document, response, ["paths", template.path, verb, "responses", String(res.status)])
    : responseLocation(document, response, ["paths", template.path, verb, "responses", "default"]);
  checkBody(ajv, `${name} ${res.status}`, res, location);
}

/** Where the response object lives in the document: at its `$ref` when it is a reference. */
function responseLocation(doc: OpenApiDocument, response: ResponseObject, at: string[]): ResponseLocation {
  if (!response.$ref) return { response, pointer: pointer(...at) };
  const name = response.$ref.replace("#/components/responses/", "");
  const target = doc.components?.responses?.[name] as ResponseObject | undefined;
  if (!target) throw new Error(`The document's ${response.$ref} is not there.`);
  return { response: target, pointer: pointer("components", "responses", name) };
}

type ResponseLocation = { response: ResponseObject; pointer: string };

function errorLocation(): ResponseLocation {
  const { doc } = getChecker();
  return responseLocation(doc, { description: "", $ref: "#/components/responses/NotFound" }, []);
}

function checkBody(ajv: Ajv2020, name: string, res: ReceivedResponse, { response, pointer: at }: ResponseLocation) {
  const content = response.content;
  if (!content) {
    if (res.text !== "")
      throw new Error(`${name}: the document gives no body, but one came: ${res.text.slice(0, 200)}`);
    return;
  }
  const received = res.headers.get("content-type") ?? "";
  const type = documentedType(Object.keys(content), received);
  if (!type) {
    const types = Object.keys(content).join(", ");
    throw new Error(`${name}: Content-Type "${received}" is not one the document gives (${types}).`);
  }
  if (!isJson(type)) return;
  let body: unknown;
  try {
    body = JSON.parse(res.text);
  } catch {
    throw new Error(`${name}: the body is not JSON: ${res.text.slice(0, 200)}`);
  }
  const validate = validatorAt(ajv, `${at}/${pointer("content", type, "schema")}`);
  if (!validate(body)) {
    const problems = ajv.errorsText(validate.errors, { dataVar: "body", separator: "\n  " });
    throw new Error(
      `${name}: the body does not match the document:\n  ${problems}\n${JSON.stringify(body).slice(0, 500)}`,
    );
  }
}
