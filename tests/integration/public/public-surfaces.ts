import * as claimRoute from "@/app/api/v1/claims/[id]/route";
import * as claimsRoute from "@/app/api/v1/claims/route";
import * as exportRoute from "@/app/api/v1/exports/[format]/route";
import { getPublicClaim } from "@/db/queries/public/claim";
import {
  listCorrections,
  listFeedVerdicts,
  listPublicClaimants,
  listSitemapEntries,
  publicClaimantName,
  publicDisputeQuestion,
} from "@/db/queries/public/pages";
import {
  getPublicClaimant,
  getPublicDispute,
  getPublicDocument,
  listPublicDisputes,
} from "@/db/queries/public/records";
import { searchPublishedClaims } from "@/lib/search/search-published-claims";
import { callRoute } from "../../support/http";
import { readPdf } from "../../support/pdf";

/** Everywhere readers (anyone, signed in or not) see the desk's work. */
export const SURFACES = [
  "claim page",
  "claimant page",
  "dispute page",
  "document page",
  "feeds",
  "search",
  "api list",
  "api claim",
  "claimreview",
  "w3c",
  "csv",
  "json",
  "pdf",
] as const;
export type Surface = (typeof SURFACES)[number];

const text = (value: unknown) => JSON.stringify(value);

/** An export as an anonymous caller downloads it, as text (the PDF's text as pdf.js reads it). */
async function exported(format: string): Promise<string> {
  const res = await exportRoute.GET(new Request(`http://localhost/api/v1/exports/${format}`), {
    params: Promise.resolve({ format }),
  });
  if (res.status !== 200) throw new Error(`export ${format}: ${res.status} ${await res.text()}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  return format === "pdf" ? (await readPdf(bytes)).text : new TextDecoder().decode(bytes);
}

/** An anonymous call of a public API route, as its JSON text (anything but 200 fails). */
async function api(
  handler: Parameters<typeof callRoute>[0],
  url: string,
  params?: Record<string, string>,
): Promise<string> {
  const res = await callRoute(handler, "GET", url, { params });
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${text(res.json)}`);
  return text(res.json);
}

/**
 * Reads everything public, as readers get it: every page the sitemap lists (each claim, claimant, dispute and document
 * page, and the lists and names shown with them), both feeds' inputs, the search and the public API (anonymously),
 * searched for each of `words` too, and every export format. Returns each surface's text; `all` joins them.
 */
export async function readEverythingPublic(words: string[]): Promise<Record<Surface, string> & { all: string }> {
  const paths = (await listSitemapEntries()).map((e) => e.path);
  const slugs = (kind: string) => paths.filter((p) => p.startsWith(`/${kind}/`)).map((p) => p.slice(kind.length + 2));
  const each = async (kind: string, read: (slug: string) => Promise<unknown>) =>
    (await Promise.all(slugs(kind).map(async (slug) => text(await read(slug))))).join("\n");
  const surfaces: Record<Surface, string> = {
    "claim page": await each("claims", getPublicClaim),
    "claimant page":
      (await each("claimants", async (s) => [await getPublicClaimant(s), await publicClaimantName(s)])) +
      text(await listPublicClaimants()),
    "dispute page":
      (await each("disputes", async (s) => [await getPublicDispute(s), await publicDisputeQuestion(s)])) +
      text(await listPublicDisputes()),
    "document page": await each("documents", getPublicDocument),
    feeds: text([await listFeedVerdicts(), await listCorrections()]),
    search: text([
      await searchPublishedClaims({}),
      ...(await Promise.all(words.map((q) => searchPublishedClaims({ q })))),
    ]),
    "api list": [
      await api(claimsRoute.GET, "/api/v1/claims"),
      ...(await Promise.all(words.map((q) => api(claimsRoute.GET, `/api/v1/claims?q=${encodeURIComponent(q)}`)))),
    ].join("\n"),
    "api claim": (
      await Promise.all(slugs("claims").map((id) => api(claimRoute.GET, `/api/v1/claims/${id}`, { id })))
    ).join("\n"),
    claimreview: await exported("claimreview"),
    w3c: await exported("w3c"),
    csv: await exported("csv"),
    json: await exported("json"),
    pdf: await exported("pdf"),
  };
  return { ...surfaces, all: Object.values(surfaces).join("\n") };
}
