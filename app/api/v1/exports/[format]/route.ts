import { apiRoute } from "@/lib/api/handler";
import { streamBody } from "@/lib/api/stream";
import { limitAnonymousExport, takeAnonymousStreamSlot } from "@/lib/exports/anonymous-limit";
import { EXPORT_FORMATS, exportFileName, openExport } from "@/lib/exports/run-export";
import { isSiteExport, siteCopyResponse } from "@/lib/exports/site-copy";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";

export const dynamic = "force-dynamic";

/**
 * `GET /api/v1/exports/{claimreview|w3c|csv|json|pdf}?document=&dispute=&claimant=&from=&to=&includeDrafts=`:
 * published verdicts for anyone; with `includeDrafts=1`, unpublished work too, for editors
 * (marked as such in every format). `locale=` (a locale of lib/i18n/locales.json) words the PDF report in that
 * language; the desk asks for it in its user's.
 *
 * Without a caller, a client address may make EXPORT_RATE_LIMIT export requests a minute (10 by default; then 429
 * with Retry-After), counted before anything is read (lib/exports/anonymous-limit.ts). The whole site's published
 * export is served from this server's copy of it, built once per publication (lib/exports/site-copy.ts). Any other
 * export is written claim by claim while it is sent; a server writes at most a few for anonymous callers at once (a
 * date range can cover the whole site), and answers more with 429.
 */
export const GET = apiRoute<{ format: string }>(async ({ req, actor, params }) => {
  await limitAnonymousExport(actor, req);
  const url = new URL(req.url);
  const job = await openExport(actor, params.format, (k) => url.searchParams.get(k));
  const disposition = url.searchParams.get("inline") === "1" ? "inline" : "attachment";
  // The copy is the English report; a PDF asked for in another language (`?locale=`, from the desk) is written anew.
  if (isSiteExport(job) && job.locale === DEFAULT_LOCALE) return siteCopyResponse(req, job, disposition);
  const headers = {
    "Content-Type": EXPORT_FORMATS[job.format].type,
    "Content-Disposition": `${disposition}; filename="${exportFileName(job)}"`,
    "Cache-Control": job.mode.includeUnpublished ? "private, no-store" : "no-store",
    // Published exports are open data; unpublished ones are for the signed-in desk only.
    ...(job.mode.includeUnpublished ? {} : { "Access-Control-Allow-Origin": "*" }),
    "X-Content-Type-Options": "nosniff",
  };
  // A HEAD answer has no body: nothing is written (Next would never read the stream, nor cancel it).
  if (req.method === "HEAD") return new Response(null, { headers });
  const release = actor ? undefined : takeAnonymousStreamSlot();
  return new Response(streamBody(EXPORT_FORMATS[job.format].write(job), release), { headers });
});
