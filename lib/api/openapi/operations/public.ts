import { z } from "zod";
import { PUBLIC_CACHE_CONTROL } from "@/lib/api/public-response";
import { noBody, type Operation } from "../operation";

// What public answers share (lib/api/public-response.ts): cache headers, 304 to a matching If-None-Match, and CORS.

/** The headers of a public JSON answer (an answer to a signed-in caller is not public: it has none of them). */
export const publicCache = z.object({
  ETag: z
    .string()
    .optional()
    .meta({ description: "Send it back as `If-None-Match` to get 304 while nothing changed." }),
  "Cache-Control": z
    .string()
    .optional()
    .meta({ description: `\`${PUBLIC_CACHE_CONTROL}\`; signed-in answers are \`private, no-store\`.` }),
  "Access-Control-Allow-Origin": z.literal("*").optional(),
});

export const notModified = noBody("Not modified: the `If-None-Match` names the current ETag.", publicCache);

/** The CORS preflight of a public GET route. */
export function corsPreflight(path: string, operationId: string, tag: string): Operation {
  return {
    method: "options",
    path,
    operationId,
    summary: "CORS preflight",
    description: "Any origin may GET this route (without credentials).",
    tag,
    access: "open",
    responses: {
      204: noBody(
        "The methods and headers a cross-origin GET may use.",
        z.object({
          "Access-Control-Allow-Origin": z.literal("*"),
          "Access-Control-Allow-Methods": z.literal("GET, HEAD, OPTIONS"),
          "Access-Control-Allow-Headers": z.literal("If-None-Match, Content-Type"),
          "Access-Control-Max-Age": z.literal("86400"),
        }),
      ),
    },
  };
}
