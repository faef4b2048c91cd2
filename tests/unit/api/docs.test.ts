import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GET as docsPage } from "@/app/api/docs/route";
import { GET as docsAsset } from "@/app/api/docs/[asset]/route";

const asset = (name: string) =>
  docsAsset(new Request(`http://localhost/api/docs/${name}`), { params: Promise.resolve({ asset: name }) });

describe("the API docs page", () => {
  it("should load Swagger UI from this server under a policy that allows no inline script and no other origin", async () => {
    const res = docsPage();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const policy = res.headers.get("content-security-policy") ?? "";
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    const html = await res.text();
    expect(html).not.toMatch(/<script>|<script(?![^>]*\ssrc=)/); // every script is a file
    const sources = [...html.matchAll(/(?:src|href)="(\/api\/docs\/[^"]+)"/g)].map((m) => m[1]!);
    expect(sources.map((s) => s.replace(/\?v=.*/, ""))).toEqual([
      "/api/docs/swagger-ui.css",
      "/api/docs/swagger-ui-bundle.js",
      "/api/docs/init.js",
    ]);
    expect(html).toContain("/api/v1/openapi.json");
  });

  it("should serve the files it loads with their types, to be kept a year", async () => {
    const css = await asset("swagger-ui.css");
    expect([css.status, css.headers.get("content-type")]).toEqual([200, "text/css; charset=utf-8"]);
    expect(css.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const file = path.join(process.cwd(), "node_modules", "swagger-ui-dist", "swagger-ui.css");
    expect(await css.text()).toBe(fs.readFileSync(file, "utf8"));
    const bundle = await asset("swagger-ui-bundle.js");
    expect([bundle.status, bundle.headers.get("content-type")]).toEqual([200, "text/javascript; charset=utf-8"]);
    const init = await (await asset("init.js")).text();
    expect(init).toContain('url: "/api/v1/openapi.json"');
    expect(init).toContain("validatorUrl: null"); // no badge fetched from validator.swagger.io
  });

  it("should serve nothing else of the package, nor anything a path reaches", async () => {
    for (const name of [
      "index.html",
      "swagger-initializer.js",
      "../package.json",
      "..%2Fpackage.json",
      "constructor",
    ]) {
      expect([name, (await asset(name)).status]).toEqual([name, 404]);
    }
  });
});
