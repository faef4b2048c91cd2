import { checkResponse } from "./openapi-check";

// Route handlers differ in their params type; the test passes whatever the path needs.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Handler = (req: Request, ctx: { params: Promise<any> }) => Promise<Response> | Response;

type Call = {
  token?: string;
  body?: unknown;
  /** A raw body string, sent as is (for malformed JSON). */
  rawBody?: string;
  params?: Record<string, string>;
  headers?: Record<string, string>;
};

/**
 * Calls a route handler the way Next does, and returns status, the body as text, and parsed JSON (of a JSON answer).
 * Every response is checked against the OpenAPI document (`/api/v1/openapi.json`): an answer the document does not
 * describe fails the test.
 */
export async function callRoute(handler: Handler, method: string, url: string, opts: Call = {}) {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | undefined = opts.rawBody;
  if (opts.body !== undefined) body = JSON.stringify(opts.body);
  if (body !== undefined) headers["content-type"] ??= "application/json";
  const req = new Request(new URL(url, "http://localhost"), { method, headers, body });
  const res = await handler(req, { params: Promise.resolve(opts.params ?? {}) });
  const text = await res.text();
  checkResponse(method, url, { status: res.status, headers: res.headers, text });
  const isJson = /^application\/([\w.+-]+\+)?json\b/i.test(res.headers.get("content-type") ?? "");
  return { status: res.status, headers: res.headers, text, json: text && isJson ? JSON.parse(text) : undefined };
}
