import { listDocuments } from "@/db/queries/documents";
import { apiRoute, created, readBody, readJson } from "@/lib/api/handler";
import { assertCanReadInternal } from "@/lib/api/read-access";
import { MAX_UPLOAD_BYTES, readUpload, UnusableSource } from "@/lib/documents/prepare-document";
import { ServiceError } from "@/lib/services/errors";
import { importDocument } from "@/lib/services/documents/import-document";

export const GET = apiRoute(async ({ actor }) => {
  await assertCanReadInternal(actor);
  return { documents: await listDocuments() };
});

/**
 * Imports a document: JSON `{title?, text, format?, sourceUrl?, …}` or `{url}`, or a
 * multipart form with a `file` (.txt, .md, .html) and the same metadata fields.
 */
export const POST = apiRoute(async ({ req, actor }) => {
  const isForm = (req.headers.get("content-type") ?? "").startsWith("multipart/form-data");
  return created(await importDocument(actor, isForm ? await readUploadForm(req) : await readJson(req)));
});

/** A 5 MB file and the form around it (boundaries, metadata fields). */
const MAX_FORM_BYTES = MAX_UPLOAD_BYTES + 64 * 1024;
const formTooLarge = () => new ServiceError("payload_too_large", "The upload is larger than 5 MB.");

async function readUploadForm(req: Request): Promise<Record<string, unknown>> {
  // The form is counted while it streams and cut off at the limit, then parsed from memory.
  const body = await readBody(req, MAX_FORM_BYTES, formTooLarge);
  const parsed = new Response(body, { headers: { "content-type": req.headers.get("content-type")! } });
  const form = await parsed.formData().catch(() => {
    throw new ServiceError("bad_request", "The form data could not be read.");
  });
  const file = form.get("file");
  if (!(file instanceof File)) {
    throw new ServiceError("validation_failed", "Attach the file as `file`.", [
      { path: "file", message: "is required" },
    ]);
  }
  const fields = Object.fromEntries(
    [...form.entries()].filter(([k, v]) => k !== "file" && typeof v === "string" && v !== ""),
  );
  try {
    const { content, format } = readUpload(file.name, new Uint8Array(await file.arrayBuffer()));
    return { ...fields, text: content, format };
  } catch (e) {
    if (e instanceof UnusableSource)
      throw new ServiceError("validation_failed", `The file cannot be imported: ${e.message}.`, [
        { path: "file", message: e.message },
      ]);
    throw e;
  }
}
