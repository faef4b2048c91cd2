/**
 * Streams a JSON document whose bulk is one array: `head`'s properties, then `key` with the
 * items written one at a time as they are read (an item mapped to undefined is left out), then
 * `tail` closing brackets. With `head` null the document is the bare array.
 */
export async function* jsonArrayChunks<T>(
  head: Record<string, unknown> | null,
  key: string,
  items: Iterable<T> | AsyncIterable<T>,
  toJson: (item: T) => unknown,
  tail = "",
): AsyncGenerator<string> {
  yield head ? `${JSON.stringify(head).slice(0, -1)},${JSON.stringify(key)}:[` : "[";
  let first = true;
  for await (const item of items) {
    const value = toJson(item);
    if (value === undefined) continue;
    yield (first ? "\n" : ",\n") + JSON.stringify(value);
    first = false;
  }
  yield `\n]${head ? "}" : ""}${tail}\n`;
}
