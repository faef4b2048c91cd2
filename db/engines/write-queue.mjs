// Plain JavaScript: both the app (db/engines/sqlite.ts) and Next's cache handler (lib/cache/), which Node loads
// without a build, must share one queue.

const QUEUES = Symbol.for("claimdesk.writeQueues");

/** @type {Map<string, Promise<unknown>>} */
const queues = (globalThis[QUEUES] ??= new Map());

/**
 * Runs `fn` after every earlier write queued under `key` (a SQLite file) in this process has settled, and before any
 * later one: SQLite has one writer, and a synchronous driver waiting for the file's lock would block the very event
 * loop that holds it.
 *
 * @template T
 * @param {string} key
 * @param {() => Promise<T>} fn
 * @returns {Promise<T>}
 */
export function serialize(key, fn) {
  const previous = queues.get(key) ?? Promise.resolve();
  const result = previous.then(fn, fn);
  const settled = result.then(
    () => undefined,
    () => undefined,
  );
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return result;
}
