import { apiRoute } from "@/lib/api/handler";
import { EXPORT_FORMATS, exportChunks, parseExportRequest } from "@/lib/exports/run-export";

export const dynamic = "force-dynamic";

/**
 * `GET /api/v1/exports/{claimreview|csv}?document=&dispute=&claimant=&from=&to=`: published
 * verdicts, streamed — the file is written claim by claim, never held whole in memory.
 */
export const GET = apiRoute<{ format: string }>(({ req, params }) => {
  const url = new URL(req.url);
  const { format, scope } = parseExportRequest(params.format, (k) => url.searchParams.get(k));
  const chunks = exportChunks(format, scope);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  const { type, extension } = EXPORT_FORMATS[format];
  return new Response(body, {
    headers: {
      "Content-Type": type,
      "Content-Disposition": `attachment; filename="claimdesk-${format}-${new Date().toISOString().slice(0, 10)}.${extension}"`,
      "Cache-Control": "no-store",
      "Access-Control-Allow-Origin": "*",
    },
  });
});
