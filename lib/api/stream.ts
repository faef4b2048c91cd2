/** Chunks are sent in pieces of about this size: one write per claim would cost more than the claim. */
const PIECE = 64 * 1024;

/**
 * A response body that pulls chunks from a (sync or async) iterable only as the client
 * reads, joined into pieces of ~64 KB: the whole body never sits in memory, and a client
 * that goes away stops the work. `onEnd` runs once when the body ends: written whole, failed, or cancelled.
 */
export function streamBody(
  chunks: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>,
  onEnd?: () => void,
): ReadableStream<Uint8Array> {
  const it = Symbol.asyncIterator in chunks ? chunks[Symbol.asyncIterator]() : chunks[Symbol.iterator]();
  const encoder = new TextEncoder();
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    onEnd?.();
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const parts: Uint8Array[] = [];
      let size = 0;
      try {
        while (size < PIECE) {
          const next = await it.next();
          if (next.done) break;
          const bytes = typeof next.value === "string" ? encoder.encode(next.value) : next.value;
          parts.push(bytes);
          size += bytes.byteLength;
        }
      } catch (e) {
        end();
        throw e;
      }
      if (size > 0) controller.enqueue(parts.length === 1 ? parts[0]! : Buffer.concat(parts));
      if (size < PIECE) {
        controller.close();
        end();
      }
    },
    async cancel() {
      end();
      await it.return?.();
    },
  });
}
