import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as annotationsRoute from "@/app/api/v1/documents/[id]/annotations/route";
import * as documentsRoute from "@/app/api/v1/documents/route";
import * as factCheckImportRoute from "@/app/api/v1/fact-checks/import/route";
import { readJson } from "@/lib/api/handler";
import { ServiceError } from "@/lib/services/errors";
import { addUser } from "../support/fixtures";
import { createApiToken } from "@/lib/services/tokens/create-token";
import { createTestDb, type TestDb } from "../support/db";

/**
 * Request bodies sent chunked (no Content-Length) are cut off at the size limit while they stream: the route answers
 * 413 having pulled barely more than the limit from an endless body, and cancels the rest. Bodies under the limit,
 * chunked the same way, work as before.
 */

const MB = 1024 * 1024;
const JSON_LIMIT = 6 * MB;
const UPLOAD_LIMIT = 5 * MB + 64 * 1024;
/** What the server may pull past the limit: the chunk that crossed it and one the stream had queued. */
const SLACK = 256 * 1024;

let t: TestDb;
let token = "";
beforeAll(async () => {
  t = await createTestDb();
  token = (await createApiToken(await addUser(t.database, "body@example.org", "editor"), { scope: "write" })).token;
});
afterAll(async () => {
  await t.close();
});

/**
 * A body stream that yields `head`, then 64 KB chunks of `fill` up to `total` bytes (`head` included), then `tail`,
 * counting the bytes the reader actually pulled and whether it cancelled.
 */
function countedStream(head: string, total: number, fill = "a", tail = "") {
  const encoder = new TextEncoder();
  const chunk = encoder.encode(fill.repeat(64 * 1024));
  const seen = { produced: 0, cancelled: false, finished: false };
  let sentHead = false;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const next = !sentHead
          ? encoder.encode(head)
          : seen.produced < total
            ? chunk.subarray(0, Math.min(chunk.byteLength, total - seen.produced))
            : null;
        sentHead = true;
        if (next) {
          seen.produced += next.byteLength;
          controller.enqueue(next);
          return;
        }
        if (tail) controller.enqueue(encoder.encode(tail));
        seen.produced += Buffer.byteLength(tail);
        seen.finished = true;
        controller.close();
      },
      cancel() {
        seen.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, seen };
}

/** A request with a streamed body and no Content-Length, as a client sending `Transfer-Encoding: chunked` makes. */
function chunkedRequest(url: string, body: ReadableStream<Uint8Array>, contentType: string) {
  const req = new Request(new URL(url, "http://localhost"), {
    method: "POST",
    body,
    headers: { "content-type": contentType, authorization: `Bearer ${token}` },
    duplex: "half",
  } as RequestInit);
  expect(req.headers.get("content-length")).toBeNull();
  return req;
}

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
async function call(handler: Handler, req: Request, params: Record<string, string> = {}) {
  const res = await handler(req, { params: Promise.resolve(params) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/** Splits `bytes` into chunks of `size` as a stream, so that a small body also arrives chunked. */
function inChunks(bytes: Uint8Array, size = 1000) {
  let at = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.byteLength) return controller.close();
      controller.enqueue(bytes.slice(at, (at += size)));
    },
  });
}

const FIFTY_MB = 50 * MB;
const BOUNDARY = "----claimdesk-limit-test";
const multipartHead = (name: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n` +
  `Content-Type: text/plain\r\n\r\n`;

describe("a chunked body with no Content-Length", () => {
  it.each([
    ["document import (JSON)", documentsRoute.POST as Handler, "/api/v1/documents", {}],
    ["annotation import", annotationsRoute.POST as Handler, "/api/v1/documents/1/annotations", { id: "1" }],
  ])("should be cut off at 6 MB with a 413 by the %s, not read whole", async (_name, handler, url, params) => {
    const { stream, seen } = countedStream('{"title":"Endless","text":"', FIFTY_MB);
    const res = await call(handler, chunkedRequest(url, stream, "application/json"), params);
    expect(res.status).toBe(413);
    expect(res.json).toEqual({
      error: { code: "payload_too_large", message: "The JSON body is larger than 6 MB." },
    });
    // The server pulled the limit and a little more, then stopped: memory grew by no more than the limit.
    expect(seen.produced).toBeGreaterThan(JSON_LIMIT);
    expect(seen.produced).toBeLessThan(JSON_LIMIT + SLACK);
    expect(seen.cancelled).toBe(true);
    expect(seen.finished).toBe(false);
  });

  it("should be cut off at the upload limit with a 413 by the multipart document import, not read whole", async () => {
    const { stream, seen } = countedStream(multipartHead("endless.txt"), FIFTY_MB);
    const req = chunkedRequest("/api/v1/documents", stream, `multipart/form-data; boundary=${BOUNDARY}`);
    const res = await call(documentsRoute.POST as Handler, req);
    expect(res.status).toBe(413);
    expect(res.json).toEqual({ error: { code: "payload_too_large", message: "The upload is larger than 5 MB." } });
    expect(seen.produced).toBeGreaterThan(UPLOAD_LIMIT);
    expect(seen.produced).toBeLessThan(UPLOAD_LIMIT + SLACK);
    expect(seen.cancelled).toBe(true);
    expect(seen.finished).toBe(false);
  });

  it("should keep the per-file message for a file just over 5 MB in a body under the upload limit", async () => {
    const { stream } = countedStream(
      multipartHead("big.txt"),
      multipartHead("big.txt").length + 5 * MB + 1,
      "a",
      `\r\n--${BOUNDARY}--\r\n`,
    );
    const req = chunkedRequest("/api/v1/documents", stream, `multipart/form-data; boundary=${BOUNDARY}`);
    const res = await call(documentsRoute.POST as Handler, req);
    expect(res.status).toBe(422);
    expect(res.json).toMatchObject({
      error: { code: "validation_failed", message: "The file cannot be imported: the file is larger than 5 MB." },
    });
  });

  it("should still be read when it stays under the limit: JSON import, multipart upload, annotation import", async () => {
    const json = new TextEncoder().encode(
      JSON.stringify({ title: "Chunked", text: "A chunked article.\n\nIn two parts." }),
    );
    const imported = await call(
      documentsRoute.POST as Handler,
      chunkedRequest("/api/v1/documents", inChunks(json), "application/json"),
    );
    expect(imported.status).toBe(201);
    const id = String(imported.json.id);

    const form = new FormData();
    form.set("file", new File(["An uploaded article, sent in pieces."], "piece.txt"));
    form.set("title", "Uploaded in chunks");
    const encoded = new Response(form);
    const bytes = new Uint8Array(await encoded.arrayBuffer());
    const uploaded = await call(
      documentsRoute.POST as Handler,
      chunkedRequest("/api/v1/documents", inChunks(bytes, 7), encoded.headers.get("content-type")!),
    );
    expect(uploaded.status).toBe(201);
    expect(uploaded.json).toMatchObject({ title: "Uploaded in chunks" });

    const annotations = new TextEncoder().encode(
      JSON.stringify({
        annotations: {
          "@context": "http://www.w3.org/ns/anno.jsonld",
          id: "urn:uuid:chunked",
          type: "Annotation",
          body: [{ type: "TextualBody", purpose: "commenting", value: "Check this." }],
          target: { selector: [{ type: "TextQuoteSelector", exact: "In two parts." }] },
        },
        claimant: { name: "A Speaker" },
      }),
    );
    const annotated = await call(
      annotationsRoute.POST as Handler,
      chunkedRequest(`/api/v1/documents/${id}/annotations`, inChunks(annotations, 50), "application/json"),
      { id },
    );
    expect(annotated.status).toBe(201);
    expect(annotated.json).toMatchObject({ counts: { anchored: 1 } });
  });

  it("should be cut off at 64 MB by the fact-check import alone, which reads what is over 6 MB", async () => {
    const FACT_CHECK_LIMIT = 64 * MB;
    const { stream, seen } = countedStream('{"@type":"DataFeed","name":"', 80 * MB);
    const res = await call(
      factCheckImportRoute.POST as Handler,
      chunkedRequest("/api/v1/fact-checks/import", stream, "application/json"),
    );
    expect(res.status).toBe(413);
    expect(res.json).toEqual({ error: { code: "payload_too_large", message: "The JSON body is larger than 64 MB." } });
    expect(seen.produced).toBeGreaterThan(FACT_CHECK_LIMIT);
    expect(seen.produced).toBeLessThan(FACT_CHECK_LIMIT + SLACK);
    expect(seen.cancelled).toBe(true);
    expect(seen.finished).toBe(false);

    // 8 MB, more than any other route takes: one review and a long unknown field.
    const review = JSON.stringify({
      "@type": "ClaimReview",
      url: "https://factcheck.example/reviews/large",
      claimReviewed: "The bridge was closed for a week.",
      author: { name: "Example Fact Check" },
      reviewRating: { alternateName: "False" },
    });
    const head = `${review.slice(0, -1)},"padding":"`;
    const large = countedStream(head, 8 * MB, "a", '"}');
    const imported = await call(
      factCheckImportRoute.POST as Handler,
      chunkedRequest("/api/v1/fact-checks/import", large.stream, "application/json"),
    );
    expect(imported.status).toBe(200);
    expect(imported.json).toMatchObject({ reviews: 1, counts: { added: 1 } });
    expect(large.seen.finished).toBe(true);
  });

  it("should take JSON up to exactly 6 MB and refuse one byte more", async () => {
    const json = (size: number) => {
      const { stream } = countedStream('{"a":1}', size, " ");
      return new Request("http://localhost/x", {
        method: "POST",
        body: stream,
        headers: { "content-type": "application/json" },
        duplex: "half",
      } as RequestInit);
    };
    expect(await readJson(json(JSON_LIMIT))).toEqual({ a: 1 });
    await expect(readJson(json(JSON_LIMIT + 1))).rejects.toThrow(ServiceError);
    await expect(readJson(json(JSON_LIMIT + 1))).rejects.toMatchObject({ code: "payload_too_large" });
  });
});
