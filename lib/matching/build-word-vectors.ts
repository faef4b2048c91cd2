// `npm install` runs this (postinstall): the matcher's word vectors, written once from their npm package into
// node_modules/.cache (see word-vectors.ts). Run by tsx, outside any bundle.
import { buildWordVectors, WORD_VECTORS_DIR } from "./word-vectors";

const started = Date.now();
buildWordVectors();
console.log(`Claim matcher: word vectors written to ${WORD_VECTORS_DIR} (${Date.now() - started} ms).`);
