import fs from "node:fs";
import path from "node:path";

/** The external standards folder (../shared/standards, or STANDARDS_DIR). */
export const STANDARDS_DIR = path.resolve(
  process.env.STANDARDS_DIR ?? path.join(import.meta.dirname, "../../../shared/standards"),
);

/** Whether the standards folder is here; conformance tests skip with this reason when it is not. */
export const HAS_STANDARDS = fs.existsSync(STANDARDS_DIR);
export const NO_STANDARDS_REASON = `standards folder not found at ${STANDARDS_DIR} (set STANDARDS_DIR)`;

/** Reads a JSON file from the standards folder. */
export function readStandard<T = unknown>(relative: string): T {
  return JSON.parse(fs.readFileSync(path.join(STANDARDS_DIR, relative), "utf8")) as T;
}
