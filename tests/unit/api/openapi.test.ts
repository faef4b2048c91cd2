import fs from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/openapi.json/route";
import { getOpenApiDocument } from "@/lib/api/openapi/document";
import { pointer, problemsAt } from "@/tests/support/openapi-check";

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
const API = path.join(process.cwd(), "app", "api");

/** Every `route.ts` under a folder, recursively. */
function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

/** `app/api/v1/claims/[id]/route.ts` → `/api/v1/claims/{id}`. */
const templateOf = (file: string) =>
  "/" +
  path
    .relative(path.join(process.cwd(), "app"), path.dirname(file))
    .split(path.sep)
    .join("/")
    .replace(/\[(\w+)\]/g, "{$1}");

/** "METHOD /path" of every method every API route exports: `/api/v1` (but its catch-all 404) and the health check. */
async function routeOperations(): Promise<string[]> {
  const files = [...routeFiles(path.join(API, "v1")), path.join(API, "health", "route.ts")].filter(
    (file) => !file.includes("[...path]"),
  );
  const operations = await Promise.all(
    files.map(async (file) => {
      const route = (await import(file)) as Record<string, unknown>;
      return METHODS.filter((m) => typeof route[m] === "function").map((m) => `${m} ${templateOf(file)}`);
    }),
  );
  return operations.flat().sort();
}

/** "METHOD /path" of every operation of the document. */
function documentedOperations(): string[] {
  return Object.entries(getOpenApiDocument().paths ?? {})
    .flatMap(([p, item]) =>
      Object.keys(item ?? {})
        .filter((k) => k !== "parameters")
        .map((m) => `${m.toUpperCase()} ${p}`),
    )
    .sort();
}

/** The JSON pointers of every `example` in the document, with the schema each should match. */
function examples(node: unknown, at: string[] = []): { at: string; schema: string; example: unknown }[] {
  if (typeof node !== "object" || node === null) return [];
  const here: { at: string; schema: string; example: unknown }[] = [];
  const record = node as Record<string, unknown>;
  if ("example" in record) {
    // A media type's example is of its `schema`; a schema's own example is of the schema itself.
    const schema = "schema" in record ? pointer(...at, "schema") : pointer(...at);
    here.push({ at: pointer(...at), schema, example: record.example });
  }
  return [
    ...here,
    ...Object.entries(record).flatMap(([key, value]) => (key === "example" ? [] : examples(value, [...at, key]))),
  ];
}

describe("the OpenAPI document", () => {
  it("should be a valid OpenAPI 3.1 document", async () => {
    // As it is served: JSON.
    const result = await new Validator().validate(
      JSON.parse(JSON.stringify(getOpenApiDocument())) as Record<string, unknown>,
    );
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("should describe every method of every API route under its path, and nothing that is not there", async () => {
    const routes = await routeOperations();
    expect(routes.length).toBeGreaterThan(60); // the enumeration itself found the routes
    const documented = documentedOperations();
    expect({ undescribed: routes.filter((r) => !documented.includes(r)) }).toEqual({ undescribed: [] });
    expect({ notARoute: documented.filter((d) => !routes.includes(d)) }).toEqual({ notARoute: [] });
  });

  it("should give examples that match their schemas", () => {
    const all = examples(getOpenApiDocument());
    expect(all.length).toBeGreaterThan(30);
    const wrong = all.map((e) => ({ at: e.at, problems: problemsAt(e.schema, e.example) })).filter((e) => e.problems);
    expect(wrong).toEqual([]);
  });

  it("should describe each webhook event's payload", async () => {
    const { WEBHOOK_EVENTS } = await import("@/lib/webhooks/payload");
    expect(Object.keys(getOpenApiDocument().webhooks ?? {}).sort()).toEqual([...WEBHOOK_EVENTS].sort());
  });

  it("should be served at /api/v1/openapi.json, public and cacheable", async () => {
    const res = GET();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    const served = (await res.json()) as { openapi: string };
    expect(served.openapi).toBe("3.1.0");
    expect(served).toEqual(JSON.parse(JSON.stringify(getOpenApiDocument())));
  });
});
