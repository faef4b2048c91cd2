import { apiRoute } from "@/lib/api/handler";
import { streamBody } from "@/lib/api/stream";
import { EXPORT_FORMATS, exportFileName, openExport } from "@/lib/exports/run-export";

export const dynamic = "force-dynamic";

/**
 * `GET /api/v1/exports/{claimreview|w3c|csv|json|pdf}?document=&dispute=&claimant=&from=&to=&includeDrafts=`:
 * published verdicts for anyone; with `includeDrafts=1`, unpublished work too, for editors
 * (marked as such in every format). Streamed: the file is written claim by claim.
 */
export const GET = apiRoute<{ format: string }>(async ({ req, actor, params }) => {
  const url = new URL(req.url);
  const job = await openExport(actor, params.format, (k) => url.searchParams.get(k));
  const body = streamBody(EXPORT_FORMATS[job.format].write(job));
  return new Response(body, {
    headers: {
      "Content-Type": EXPORT_FORMATS[job.format].type,
      "Content-Disposition": `${url.searchParams.get("inline") === "1" ? "inline" : "attachment"}; filename="${exportFileName(job)}"`,
      "Cache-Control": job.mode.includeUnpublished ? "private, no-store" : "no-store",
      // Published exports are open data; unpublished ones are for the signed-in desk only.
      ...(job.mode.includeUnpublished ? {} : { "Access-Control-Allow-Origin": "*" }),
      "X-Content-Type-Options": "nosniff",
    },
  });
});
