import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sql } from "drizzle-orm";
import * as exportRoute from "@/app/api/v1/exports/[format]/route";
import { seedDemo } from "@/db/seed";
import { main } from "@/lib/cli/main";
import { CSV_COLUMNS, neutraliseCell } from "@/lib/exports/formats";
import { validateClaimReview } from "@/lib/exports/validate-claim-review";
import { transitionVerdict } from "@/lib/services/verdicts/transition-verdict";
import { updateVerdict } from "@/lib/services/verdicts/update-verdict";
import { createTestDb } from "../../support/db";
import { callRoute } from "../../support/http";

let t: ReturnType<typeof createTestDb>;
beforeAll(async () => {
  t = createTestDb();
  await seedDemo(t.db);
  // A second published verdict whose summary starts like a spreadsheet formula.
  const reviewer = { kind: "user" as const, userId: t.db.get<{ id: number }>(sql`select id from users where email = 'editor@claimdesk.test'`)!.id };
  const contributor = { kind: "user" as const, userId: t.db.get<{ id: number }>(sql`select id from users where email = 'contributor@claimdesk.test'`)!.id };
  const inReview = t.db.get<{ id: number; version: number }>(sql`select id, version from verdicts where state = 'in_review'`)!;
  transitionVerdict(contributor, { verdictId: inReview.id, step: "withdraw", version: inReview.version });
  updateVerdict(contributor, { verdictId: inReview.id, version: inReview.version + 1, summary: "=HYPERLINK(\"http://evil.example\",\"click\")" });
  transitionVerdict(contributor, { verdictId: inReview.id, step: "submit", version: inReview.version + 2 });
  transitionVerdict(reviewer, { verdictId: inReview.id, step: "publish", version: inReview.version + 3 });
});
afterAll(() => t.close());

async function download(format: string, query = "") {
  const res = await exportRoute.GET(new Request(`http://localhost/api/v1/exports/${format}${query}`), { params: Promise.resolve({ format }) });
  return { res, text: await res.text() };
}

describe("exports of published verdicts", () => {
  it("should stream ClaimReview that passes the validator with no error, one per published verdict", async () => {
    const { res, text } = await download("claimreview");
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="claimdesk-claimreview-.*\.jsonld"/);
    const reviews = JSON.parse(text) as unknown[];
    expect(reviews).toHaveLength(2);
    for (const review of reviews) expect(validateClaimReview(review, "http://localhost:3000").errors).toEqual([]);
    expect(text).not.toMatch(/17 injured/); // the draft verdict stays out
  });

  it("should write CSV that a CSV parser reads back, with formulas neutralised", async () => {
    const { text } = await download("csv");
    const rows = parse(text.replace(/^\ufeff/, ""), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS]);
    const lavrov = rows.find((r) => r.statement!.startsWith("Those killed"))!;
    expect(lavrov).toMatchObject({ claimant: "Sergei Lavrov", quote: "those killed were not civilians", rating: "False", state: "published", evidence_count: "2" });
    expect(rows.find((r) => r.summary!.includes("HYPERLINK"))!.summary).toBe("'=HYPERLINK(\"http://evil.example\",\"click\")");
    expect(neutraliseCell("+1")).toBe("'+1");
    expect(neutraliseCell("-2")).toBe("'-2");
    expect(neutraliseCell("@x")).toBe("'@x");
    expect(neutraliseCell("ok")).toBe("ok");
  });

  it("should limit to a scope, and refuse unknown formats, bad dates and drafts clearly", async () => {
    expect(JSON.parse((await download("claimreview", "?dispute=mariupol-maternity-hospital-strike")).text)).toHaveLength(2);
    expect(JSON.parse((await download("claimreview", "?claimant=mariupol-city-council")).text)).toHaveLength(0);
    expect(JSON.parse((await download("claimreview", "?document=mariupol-talks-2022-03-10&from=2000-01-01")).text)).toHaveLength(2);
    const unknown = await callRoute(exportRoute.GET, "GET", "/api/v1/exports/docx", { params: { format: "docx" } });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.message).toMatch(/Available: claimreview, csv/);
    expect((await callRoute(exportRoute.GET, "GET", "/api/v1/exports/csv?from=yesterday", { params: { format: "csv" } })).status).toBe(422);
    expect((await callRoute(exportRoute.GET, "GET", "/api/v1/exports/csv?includeDrafts=1", { params: { format: "csv" } })).status).toBe(422);
  });

  it("should write the same export from the command line", async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-export-")), "claims.csv");
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    expect(await main(["export", "--format", "csv", "--out", out])).toBe(0);
    log.mockRestore();
    expect(parse(fs.readFileSync(out, "utf8").replace(/^\ufeff/, ""), { columns: true })).toHaveLength(2);
  });
});
